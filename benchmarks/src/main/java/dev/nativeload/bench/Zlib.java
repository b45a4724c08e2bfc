package dev.nativeload.bench;

import dev.nativeload.NativeLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/** The library every lookup and load benchmark uses: the host's zlib, present on every Linux box. */
final class Zlib {
    /** The logical name, as {@link NativeLoader#load(String)} and JNA take it. */
    static final String NAME = "z";
    /** A function every zlib exports. */
    static final String PRESENT_SYMBOL = "zlibVersion";
    /** A name no library exports. */
    static final String MISSING_SYMBOL = "nativeload_bench_no_such_symbol";

    private Zlib() {
    }

    /**
     * {@return the real file behind {@code libz}: the path the OS reported for nativeload's load, symlinks resolved}
     * Every benchmark that opens zlib by path opens this file, so all of them talk about the same mapping.
     */
    static Path file() {
        try {
            return NativeLoader.load(NAME).path().toRealPath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@return the symbol name for a {@code @Param} value}
     *
     * @param which {@code "present"} or {@code "missing"}
     */
    static String symbol(String which) {
        return switch (which) {
            case "present" -> PRESENT_SYMBOL;
            case "missing" -> MISSING_SYMBOL;
            default -> throw new IllegalArgumentException("symbol must be present or missing, not " + which);
        };
    }
}
