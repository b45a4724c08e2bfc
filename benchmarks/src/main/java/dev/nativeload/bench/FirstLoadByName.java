package dev.nativeload.bench;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;

/**
 * The first load of a library by name in a new JVM, and nothing else: {@code NativeLoader.load(NAME)},
 * timed as a whole process by {@code benchmarks/pairs.py}. With {@code z} on a machine with zlib's
 * development symlink ({@code libz.so}) the OS's own search loads it; with {@code deflate} where only
 * {@code libdeflate.so.0} is installed (a runtime package, no {@code -dev}), the OS's search for
 * {@code libdeflate.so} fails and the directory search finds the versioned file. {@code --report}
 * prints the load's report (which explains the refusals, so it is not part of the timed run).
 *
 * <p>Usage: {@code FirstLoadByName NAME [--report]}.
 */
public final class FirstLoadByName {
    private FirstLoadByName() {
    }

    /**
     * Loads the library.
     *
     * @param args the library's name, and {@code --report} to print the report
     */
    public static void main(String[] args) {
        NativeLibrary library = NativeLoader.load(args[0]);
        if (args.length > 1 && args[1].equals("--report")) {
            System.out.println(library.report());
        }
    }
}
