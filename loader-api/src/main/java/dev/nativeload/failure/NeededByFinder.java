package dev.nativeload.failure;

import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.NativeBinary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Finds which library in a dependency tree lists a missing dependency, since glibc's message
 * names only the missing file. A breadth-first walk over {@code DT_NEEDED}, resolving each name
 * through the object's RPATH/RUNPATH (with {@code $ORIGIN}), {@code LD_LIBRARY_PATH} and the usual
 * system directories. The full emulation of the loader's search lives in the resolver; this only
 * needs to name the culprit.
 */
final class NeededByFinder {
    private static final int MAX_OBJECTS = 256;
    private static final List<String> SYSTEM_DIRS = List.of("/lib64", "/usr/lib64", "/lib", "/usr/lib",
            "/lib/x86_64-linux-gnu", "/usr/lib/x86_64-linux-gnu", "/lib/aarch64-linux-gnu", "/usr/lib/aarch64-linux-gnu",
            "/usr/local/lib");

    /** {@return the path of the first library (breadth first from root) whose NEEDED lists {@code dependency}} */
    Optional<String> find(Path root, String dependency) {
        Deque<Path> queue = new ArrayDeque<>(List.of(root));
        Set<Path> seen = new HashSet<>();
        while (!queue.isEmpty() && seen.size() < MAX_OBJECTS) {
            Path current = queue.removeFirst();
            if (!seen.add(current)) {
                continue;
            }
            Optional<BinarySummary> summary = summary(current);
            if (summary.isEmpty()) {
                continue;
            }
            if (summary.get().needed().contains(dependency)) {
                return Optional.of(current.toString());
            }
            for (String needed : summary.get().needed()) {
                locate(current, summary.get(), needed).ifPresent(queue::addLast);
            }
        }
        return Optional.empty();
    }

    private static Optional<BinarySummary> summary(Path file) {
        try {
            NativeBinary binary = Binaries.read(file);
            return Optional.of(binary.images().getFirst().summary());
        } catch (java.io.IOException | dev.nativeload.binary.NotABinaryException
                 | dev.nativeload.binary.MalformedBinaryException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Path> locate(Path object, BinarySummary s, String needed) {
        if (needed.contains("/")) {
            Path p = Path.of(needed);
            return Files.isRegularFile(p) ? Optional.of(p) : Optional.empty();
        }
        List<String> dirs = new ArrayList<>();
        String origin = object.toAbsolutePath().getParent() == null ? "/" : object.toAbsolutePath().getParent().toString();
        for (String d : s.runpath().isEmpty() ? s.rpath() : s.runpath()) {
            dirs.add(d.replace("${ORIGIN}", origin).replace("$ORIGIN", origin));
        }
        String ldPath = System.getenv("LD_LIBRARY_PATH");
        if (ldPath != null) {
            dirs.addAll(List.of(ldPath.split("[:;]")));
        }
        dirs.addAll(SYSTEM_DIRS);
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, needed);
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
