package dev.nativeload.cli;

import dev.nativeload.platform.Platform;
import java.util.List;
import java.util.Objects;

/**
 * The verdict of {@code scan}: each archive that ships natives with its natives' verdicts, and the totals.
 *
 * @param target   the platform checked against
 * @param units    every unit (PATH or nested archive) that ships natives, in the order found
 * @param natives  how many natives were found
 * @param archives how many archives were read, nested ones included
 * @param problems what could not be read
 */
record ScanResult(Platform target, List<Unit> units, int natives, int archives, List<ScanCollector.Problem> problems) {
    ScanResult {
        Objects.requireNonNull(target, "target");
        units = List.copyOf(units);
        problems = List.copyOf(problems);
    }

    /**
     * One native and the rules it breaks.
     *
     * @param scanned    the native
     * @param violations verify's rules and the JNI check, for a native built for the target; else empty
     */
    record Verdict(ScannedNative scanned, List<Violation> violations) {
        Verdict {
            Objects.requireNonNull(scanned, "scanned");
            violations = List.copyOf(violations);
        }
    }

    /**
     * One archive (or PATH) that ships natives.
     *
     * @param name    its name: the PATH, or {@code PATH!/entry} for a nested archive
     * @param natives its natives' verdicts
     * @param notes   what was not checked, and why
     */
    record Unit(String name, List<Verdict> natives, List<String> notes) {
        Unit {
            Objects.requireNonNull(name, "name");
            natives = List.copyOf(natives);
            notes = List.copyOf(notes);
        }

        /** {@return whether one of its natives is built for the target} */
        boolean hasTargetNative() {
            return natives.stream().anyMatch(v -> v.scanned().forTarget());
        }

        /** {@return how many violations its natives have} */
        int violations() {
            return natives.stream().mapToInt(v -> v.violations().size()).sum();
        }
    }

    /** {@return the units that ship natives but none built for the target} */
    List<String> withoutTargetNative() {
        return units.stream().filter(u -> !u.hasTargetNative()).map(Unit::name).toList();
    }

    /** {@return how many violations all natives have} */
    int violations() {
        return units.stream().mapToInt(Unit::violations).sum();
    }

    /** {@return whether the application may ship: every archive has its native, no violation, nothing unread} */
    boolean ok() {
        return withoutTargetNative().isEmpty() && violations() == 0
                && problems.stream().noneMatch(ScanCollector.Problem::blocking);
    }
}
