package dev.nativeload.internal.cache;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What {@code /proc/<pid>/stat} says about a lock holder: alive, stopped, gone. Empty text where there is no {@code /proc}. */
final class ProcessState {
    private ProcessState() {
    }

    /**
     * {@return a parenthesized note on a process's state, e.g. {@code " (stopped)"}, or "" when unknown}
     *
     * @param pid the process id
     */
    static String describe(long pid) {
        if (ProcessHandle.of(pid).isEmpty()) {
            return Files.isDirectory(Path.of("/proc/self")) ? " (no longer running)" : "";
        }
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int close = stat.lastIndexOf(')');
            char state = close > 0 && close + 2 < stat.length() ? stat.charAt(close + 2) : '?';
            String command = ProcessHandle.of(pid).flatMap(p -> p.info().command()).map(c -> ", " + c).orElse("");
            return switch (state) {
                case 'T', 't' -> " (stopped" + command + ")";
                case 'Z' -> " (a zombie" + command + ")";
                case 'D' -> " (in uninterruptible sleep" + command + ")";
                default -> " (running" + command + ")";
            };
        } catch (IOException | RuntimeException unknown) {
            return "";
        }
    }
}
