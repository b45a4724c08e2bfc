package dev.nativeload.startup;

import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoader;
import dev.nativeload.report.Attempt;
import dev.nativeload.report.Outcome;
import java.nio.file.Path;

/**
 * A new JVM's first load of a library installed with only its versioned soname ({@code libnlvers.so.1},
 * no {@code libnlvers.so}), for {@link VersionedSonameFirstLoadTest}: the OS's search for
 * {@code libnlvers.so} fails, the directory search (the directory given as the argument) finds the
 * versioned file and loads it. Prints {@code loaded PATH}, then initialises {@link ReportRead} (a marker
 * in the class-loading log: what comes before it is the load's own), then one line per attempt of the
 * report: {@code STRATEGY|TARGET|OUTCOME|KIND|OS TEXT}.
 */
public final class VersionedSonameMain {
    private VersionedSonameMain() {
    }

    /** Loaded only once the load returned: its line in the class-loading log divides the load from the report. */
    static final class ReportRead {
        /** {@return the word the child prints} (a method, not a constant, so the call initialises the class) */
        static String what() {
            return "report";
        }
    }

    /**
     * Runs the load.
     *
     * @param args the directory holding {@code libnlvers.so.1}
     */
    public static void main(String[] args) {
        NativeLibrary lib = NativeLoader.builder("nlvers").directories(Path.of(args[0])).build().load();
        System.out.println("loaded " + lib.path());
        System.out.println(ReportRead.what());
        for (Attempt a : lib.report().attempts()) {
            String outcome = a.outcome() instanceof Outcome.Loaded ? "loaded"
                    : a.outcome() instanceof Outcome.Failed ? "failed" : "skipped";
            String kind = a.diagnosis().map(d -> d.kind().name()).orElse("");
            String os = a.diagnosis().flatMap(d -> d.osMessage()).orElse("");
            System.out.println(a.strategy() + "|" + a.target() + "|" + outcome + "|" + kind + "|" + os);
        }
    }
}
