package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The per-thread C strings: UTF-8 bytes and one NUL, whatever the buffer held before. */
class ScratchTest {
    private static byte[] written(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return Scratch.current().cString(s).asSlice(0, utf8.length + 1L).toArray(ValueLayout.JAVA_BYTE);
    }

    private static byte[] expected(String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return Arrays.copyOf(utf8, utf8.length + 1);
    }

    @Test
    void cStringIsTheUtf8BytesAndOneNulAfterLongerAsciiAndNonAsciiStrings() {
        String longAscii = "x".repeat(1000);
        for (String s : List.of(longAscii, "libz.so", "caf\u00e9_\u4e2d.so", "", "a", longAscii + "\u00fc", "zlibVersion")) {
            assertArrayEquals(expected(s), written(s), s);
        }
    }

    @Test
    void aStringWithANulHasNoCString() {
        assertNull(Scratch.current().cString("lib\0z"));
    }
}
