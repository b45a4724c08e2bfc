package dev.nativeload;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link NativeLoader#load(String)} takes names, never paths: those go through {@code load(Path)}. */
class LoadNameRuleTest {
    @ParameterizedTest
    @ValueSource(strings = {"dir/libx.so", "../../x.so", "/usr/lib/libz.so", "..", "x\\y.dll", "lib\0z"})
    void loadByNameRefusesSeparatorsDotDotAndNulBeforeTouchingAnyFile(String name) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> NativeLoader.load(name));
        assertTrue(e.getMessage().contains(name.replace("\0", "\\0")), e.getMessage());
        assertTrue(e.getMessage().contains("NUL") || e.getMessage().contains("load(Path"), e.getMessage());
    }
}
