package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The Windows string rules, which run on any host: UTF-16 paths, load flags, message cleanup. */
class WindowsTextTest {
    private static byte[] bytesOf(MemorySegment segment, long length) {
        return segment.asSlice(0, length).toArray(ValueLayout.JAVA_BYTE);
    }

    @Test
    void widePathIsUtf16LittleEndianWithOneNulCharAtTheEnd() {
        String path = "C:\\Programme\\bibliothèque\\\u4e2d\\z.dll";
        MemorySegment wide = Scratch.current().wideString(path);
        byte[] expected = (path + "\0").getBytes(StandardCharsets.UTF_16LE);
        assertArrayEquals(expected, bytesOf(wide, expected.length));
    }

    @Test
    void widePathKeepsSurrogatePairsOfCharactersOutsideTheBmp() {
        String path = "C:\\\uD83D\uDE00\\a.dll";
        MemorySegment wide = Scratch.current().wideString(path);
        byte[] expected = (path + "\0").getBytes(StandardCharsets.UTF_16LE);
        assertArrayEquals(expected, bytesOf(wide, expected.length));
        assertEquals(path, Scratch.readWide(wide, Long.MAX_VALUE));
    }

    @Test
    void widePathLongerThanTheScratchBufferGrowsIt() {
        String path = "C:\\" + "d\\".repeat(5000) + "x.dll";
        MemorySegment wide = Scratch.current().wideString(path);
        assertTrue(wide.byteSize() >= 2L * path.length() + 2);
        assertEquals(path, Scratch.readWide(wide, Long.MAX_VALUE));
    }

    @Test
    void aPathWithANulCharacterHasNoWideForm() {
        assertNull(Scratch.current().wideString("C:\\a\0b.dll"));
    }

    @Test
    void readingWideTextStopsAtTheCharCountFormatMessageReturned() {
        MemorySegment text = MemorySegment.ofArray("The specified module could not be found.\r\nGARBAGE"
                .getBytes(StandardCharsets.UTF_16LE));
        assertEquals("The specified module could not be found.\r\n", Scratch.readWide(text, 42));
    }

    @Test
    void formatMessageTextLosesItsTrailingLineBreakOnly() {
        assertEquals("The specified module could not be found.",
                WindowsText.trimMessage("The specified module could not be found.\r\n"));
        assertEquals("%1 is not a valid Win32 application.",
                WindowsText.trimMessage("%1 is not a valid Win32 application. \r\n"));
        assertEquals("line one\r\nline two", WindowsText.trimMessage("line one\r\nline two\r\n"));
        assertEquals("", WindowsText.trimMessage("\r\n"));
    }

    @Test
    void absolutePathsGetTheSafeSearchFlagsAndBareNamesTheStandardOrder() {
        int safe = dev.nativeload.ffm.generated.windows.constants.windows_h.LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR()
                | dev.nativeload.ffm.generated.windows.constants.windows_h.LOAD_LIBRARY_SEARCH_DEFAULT_DIRS();
        assertEquals(0x1100, safe);
        assertEquals(safe, WindowsText.loadFlags("C:\\libs\\z.dll"));
        assertEquals(safe, WindowsText.loadFlags("d:/libs/z.dll"));
        assertEquals(safe, WindowsText.loadFlags("\\\\server\\share\\z.dll"));
        assertEquals(safe, WindowsText.loadFlags("\\\\?\\C:\\very\\long\\z.dll"));
        assertEquals(0, WindowsText.loadFlags("z.dll"));
        assertEquals(0, WindowsText.loadFlags("libs\\z.dll"));
        assertEquals(0, WindowsText.loadFlags("C:z.dll"));
        assertEquals(0, WindowsText.loadFlags("\\libs\\z.dll"));
    }

    @Test
    void absolutePathsAreGivenBackslashesBecauseTheSafeSearchFlagsRejectSlashes() {
        assertEquals("C:\\libs\\x64\\z.dll", WindowsText.loadTarget("C:/libs/x64\\z.dll"));
        assertEquals("z.dll", WindowsText.loadTarget("z.dll"));
        assertEquals("sub/z.dll", WindowsText.loadTarget("sub/z.dll"));
        assertFalse(WindowsText.isAbsolute(""));
    }
}
