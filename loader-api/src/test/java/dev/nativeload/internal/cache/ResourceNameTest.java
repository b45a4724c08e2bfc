package dev.nativeload.internal.cache;

import dev.nativeload.spi.ResourceName;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceNameTest {
    @ParameterizedTest
    @ValueSource(strings = {"../libfoo.so", "native/../../etc/passwd", "native/linux-x86_64/..", "/native/libfoo.so",
            "native\\linux-x86_64\\foo.dll", "C:/native/foo.dll", "native//libfoo.so", "native/./libfoo.so", "",
            "native/lib\u0000foo.so", "native/libfoo.so/"})
    void namesThatCouldEscapeTheirDirectoryOrAreMalformedAreRejected(String name) {
        assertFalse(ResourceName.isValid(name));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ResourceName.of(name));
        assertTrue(e.getMessage().startsWith("invalid resource name"), e::getMessage);
    }

    @ParameterizedTest
    @ValueSource(strings = {"native/linux-x86_64/libfoo.so", "com/sun/jna/linux-x86-64/libjnidispatch.so",
            "META-INF/native/libnetty_tcnative_linux_x86_64.so", "libfoo.so.1.2..3"})
    void ordinaryNamesAreAccepted(String name) {
        assertEquals(name, ResourceName.of(name).value());
    }

    @Test
    void aSiblingStaysInTheSameDirectoryAndCannotClimbOut() {
        ResourceName lib = ResourceName.of("native/linux-x86_64/libfoo.so");
        assertEquals("native/linux-x86_64/libbar.so.1", lib.sibling("libbar.so.1").value());
        assertThrows(IllegalArgumentException.class, () -> lib.sibling("../libbar.so"));
        assertThrows(IllegalArgumentException.class, () -> lib.sibling("sub/libbar.so"));
        assertThrows(IllegalArgumentException.class, () -> lib.sibling(".."));
    }

    @Test
    void fileNameAndDirectoryAreSplitAtTheLastSlash() {
        ResourceName lib = ResourceName.of("a/b/libc.so");
        assertEquals("libc.so", lib.fileName());
        assertEquals("a/b/", lib.directory());
        assertEquals("", ResourceName.of("libc.so").directory());
    }
}
