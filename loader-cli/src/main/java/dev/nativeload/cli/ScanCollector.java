package dev.nativeload.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What {@code scan} found, in the order found: the units (every PATH, and every archive inside one), the natives,
 * the native methods each unit's classes declare, and what could not be read. Only summaries are kept, never bytes.
 */
final class ScanCollector {
    private final Map<String, Boolean> units = new LinkedHashMap<>();
    private int archives;
    private final List<ScannedNative> natives = new ArrayList<>();
    private final Map<String, Set<NativeMethod>> nativeMethods = new LinkedHashMap<>();
    private final List<Problem> problems = new ArrayList<>();

    /**
     * Something that could not be read.
     *
     * @param where    the PATH, archive or entry
     * @param message  what went wrong
     * @param blocking whether it fails the scan (an archive or native unread), or is only a warning (a class file)
     */
    record Problem(String where, String message, boolean blocking) {
        Problem {
            Objects.requireNonNull(where, "where");
            Objects.requireNonNull(message, "message");
        }
    }

    void unit(String name, boolean archive) {
        if (units.putIfAbsent(name, archive) == null && archive) {
            archives++;
        }
    }

    void nativeFound(ScannedNative n) {
        natives.add(n);
    }

    void nativeMethods(String unit, List<NativeMethod> methods) {
        nativeMethods.computeIfAbsent(unit, u -> new LinkedHashSet<>()).addAll(methods);
    }

    void problem(String where, String message) {
        problems.add(new Problem(where, message, true));
    }

    void warning(String where, String message) {
        problems.add(new Problem(where, message, false));
    }

    /**
     * Adds what another collector found after what this one holds, as if it had been found here in that order: a
     * part of the walk done on another thread.
     *
     * @param part what the part found
     */
    void addAll(ScanCollector part) {
        part.units.forEach(this::unit);
        natives.addAll(part.natives);
        part.nativeMethods.forEach((unit, methods) -> nativeMethods.computeIfAbsent(unit, u -> new LinkedHashSet<>())
                .addAll(methods));
        problems.addAll(part.problems);
    }

    /** {@return every unit, in the order first met} */
    Set<String> units() {
        return units.keySet();
    }

    /** {@return how many archives were read, nested ones included} */
    int archives() {
        return archives;
    }

    /** {@return every native, in the order found} */
    List<ScannedNative> natives() {
        return natives;
    }

    /** {@return the native methods declared by each unit's classes} */
    Map<String, Set<NativeMethod>> nativeMethods() {
        return nativeMethods;
    }

    /** {@return what could not be read} */
    List<Problem> problems() {
        return problems;
    }
}
