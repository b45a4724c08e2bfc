package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.GlibcVersion;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A reference no object in the lookup scope defines: {@code ld.so} says
 * "undefined symbol: NAME" (", version VERSION" added for a versioned reference). Before glibc 2.30
 * a versioned reference whose lookup reached the file the version is required from ({@code vn_file})
 * without a match failed there, worded "symbol NAME, version VERSION not defined in file FILE with
 * link time reference"; 2.30 stopped searching by {@code vn_file} (glibc BZ #24741), and the
 * reference is "undefined symbol" like any other.
 *
 * @param symbol      the symbol's name
 * @param version     the version the reference asks for, if any
 * @param object      the path of the object whose relocation references it
 * @param weak        whether the reference is weak; a weak reference left unresolved is not an
 *                    error, so {@link SymbolReport#unresolved()} holds only strong ones
 * @param versionFile for a versioned reference, the file the version is required from
 *                    ({@code vn_file}, as the requirement names it), when that file is in the scope
 * @param library     the library the loader expected it in, where the format names one: for PE the DLL
 *                    the import (or the forwarder it led to) names; for a Mach-O two-level namespace the
 *                    path of the library the import's ordinal names (dyld's "Expected in"), or
 *                    {@code flat namespace} for a flat lookup; empty for ELF, whose lookup scope is
 *                    global. For a PE import by ordinal, {@code symbol} is {@code #N}
 * @param delayLoad   whether the reference is a PE delay-load import: the image loads, and the first
 *                    call through it fails
 */
public record UnresolvedSymbol(String symbol, Optional<String> version, String object, boolean weak,
                               Optional<String> versionFile, Optional<String> library, boolean delayLoad) {
    /** The first glibc whose lookup no longer stops at the {@code vn_file} object (BZ #24741). */
    private static final GlibcVersion VN_FILE_IGNORED = new GlibcVersion(List.of(2, 30));

    /** Checks that every component is given. */
    public UnresolvedSymbol {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(object, "object");
        Objects.requireNonNull(versionFile, "versionFile");
        Objects.requireNonNull(library, "library");
    }

    /**
     * An ELF reference: no library named, not delay-loaded.
     *
     * @param symbol      the symbol's name
     * @param version     the version the reference asks for, if any
     * @param object      the path of the referencing object
     * @param weak        whether the reference is weak
     * @param versionFile the file the version is required from, when in scope
     */
    public UnresolvedSymbol(String symbol, Optional<String> version, String object, boolean weak,
                            Optional<String> versionFile) {
        this(symbol, version, object, weak, versionFile, Optional.empty(), false);
    }

    /**
     * A reference whose version's file is not known or not in scope.
     *
     * @param symbol  the symbol's name
     * @param version the version the reference asks for, if any
     * @param object  the path of the referencing object
     * @param weak    whether the reference is weak
     */
    public UnresolvedSymbol(String symbol, Optional<String> version, String object, boolean weak) {
        this(symbol, version, object, weak, Optional.empty());
    }

    /** {@return the loader's words: {@code undefined symbol: NAME} or {@code undefined symbol: NAME, version V}} */
    public String message() {
        return "undefined symbol: " + symbol + version.map(v -> ", version " + v).orElse("");
    }

    /**
     * {@return the words of the given glibc's loader}: {@link #message()}, or before glibc 2.30, for a
     * versioned reference whose file is in scope, {@code symbol NAME, version V not defined in file
     * FILE with link time reference}
     *
     * @param glibc the glibc whose {@code ld.so} binds, if known (unknown: today's wording)
     */
    public String message(Optional<GlibcVersion> glibc) {
        if (glibc.filter(g -> g.compareTo(VN_FILE_IGNORED) < 0).isPresent() && version.isPresent() && versionFile.isPresent()) {
            return "symbol " + symbol + ", version " + version.get() + " not defined in file " + versionFile.get()
                    + " with link time reference";
        }
        return message();
    }
}
