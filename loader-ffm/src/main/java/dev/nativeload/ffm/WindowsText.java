package dev.nativeload.ffm;

import dev.nativeload.ffm.generated.windows.constants.windows_h;

/**
 * The pure string rules of the Windows loader calls, kept apart so they are tested on any host:
 * which {@code LoadLibraryExW} flags a target gets, how its separators are written, and how a
 * {@code FormatMessageW} text is cleaned.
 */
final class WindowsText {
    private WindowsText() {
    }

    /**
     * {@return whether a target is a fully qualified Windows path: {@code C:\...}, {@code C:/...} or a UNC/device path {@code \\...}}
     *
     * @param target a library name or path
     */
    static boolean isAbsolute(String target) {
        if (target.length() >= 3 && Character.isLetter(target.charAt(0)) && target.charAt(1) == ':') {
            return isSeparator(target.charAt(2));
        }
        return target.length() >= 2 && isSeparator(target.charAt(0)) && isSeparator(target.charAt(1));
    }

    private static boolean isSeparator(char c) {
        return c == '\\' || c == '/';
    }

    /**
     * {@return the {@code LoadLibraryExW} flags for a target}: an absolute path gets
     * {@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS}, so its
     * dependencies are looked for beside it and in the safe default directories; a bare name gets
     * 0, the standard search order.
     *
     * @param target a library name or path
     */
    static int loadFlags(String target) {
        return isAbsolute(target)
                ? windows_h.LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR() | windows_h.LOAD_LIBRARY_SEARCH_DEFAULT_DIRS()
                : 0;
    }

    /**
     * {@return the target as {@code LoadLibraryExW} must see it}: absolute paths with backslashes,
     * which the {@code LOAD_LIBRARY_SEARCH_*} flags require; bare names unchanged.
     *
     * @param target a library name or path
     */
    static String loadTarget(String target) {
        return isAbsolute(target) ? target.replace('/', '\\') : target;
    }

    /**
     * {@return a {@code FormatMessageW} text without the line break (and blanks) it ends with}
     *
     * @param text the raw message
     */
    static String trimMessage(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\r' || text.charAt(end - 1) == '\n' || text.charAt(end - 1) == ' ')) {
            end--;
        }
        return text.substring(0, end);
    }
}
