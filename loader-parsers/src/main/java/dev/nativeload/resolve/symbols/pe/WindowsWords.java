package dev.nativeload.resolve.symbols.pe;

import dev.nativeload.resolve.symbols.UnresolvedSymbol;

/**
 * The Windows loader's words for an import it cannot snap ({@code STATUS_ENTRYPOINT_NOT_FOUND} /
 * {@code STATUS_ORDINAL_NOT_FOUND}, {@code ERROR_PROC_NOT_FOUND} 127 to {@code LoadLibrary}'s
 * caller), as its hard-error box words them. Newer Windows releases are reported to put the
 * importing image's path where the DLL's name stands here (not checked); the DLL named is the one the
 * image imports from (through a forwarder, the notes say where the lookup failed).
 */
public final class WindowsWords {
    private WindowsWords() {
    }

    /**
     * {@return {@code The procedure entry point NAME could not be located in the dynamic link library DLL}
     * or, for an import by ordinal ({@code #N}), {@code The ordinal N could not be located in the dynamic
     * link library DLL}; a delay-load import adds that it fails at the first call}
     *
     * @param u a PE import left unresolved (its {@link UnresolvedSymbol#library()} is set)
     */
    public static String message(UnresolvedSymbol u) {
        String dll = u.library().orElse("?");
        String text = u.symbol().startsWith("#")
                ? "The ordinal " + u.symbol().substring(1) + " could not be located in the dynamic link library " + dll
                : "The procedure entry point " + u.symbol() + " could not be located in the dynamic link library " + dll;
        return u.delayLoad() ? text + " (delay-load: the image loads; the first call fails with 0xC06D007F)" : text;
    }
}
