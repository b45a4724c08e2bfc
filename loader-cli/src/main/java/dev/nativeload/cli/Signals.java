package dev.nativeload.cli;

import dev.nativeload.binary.TargetOs;
import java.util.Map;

/** Signal numbers by name, per OS: they differ (SIGBUS is 7 on Linux, 10 on macOS). */
final class Signals {
    private static final Map<Integer, String> LINUX = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(7, "SIGBUS"), Map.entry(8, "SIGFPE"),
            Map.entry(9, "SIGKILL"), Map.entry(10, "SIGUSR1"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGUSR2"),
            Map.entry(13, "SIGPIPE"), Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(16, "SIGSTKFLT"),
            Map.entry(24, "SIGXCPU"), Map.entry(25, "SIGXFSZ"), Map.entry(31, "SIGSYS"));
    private static final Map<Integer, String> BSD = Map.ofEntries(
            Map.entry(1, "SIGHUP"), Map.entry(2, "SIGINT"), Map.entry(3, "SIGQUIT"), Map.entry(4, "SIGILL"),
            Map.entry(5, "SIGTRAP"), Map.entry(6, "SIGABRT"), Map.entry(8, "SIGFPE"), Map.entry(9, "SIGKILL"),
            Map.entry(10, "SIGBUS"), Map.entry(11, "SIGSEGV"), Map.entry(12, "SIGSYS"), Map.entry(13, "SIGPIPE"),
            Map.entry(14, "SIGALRM"), Map.entry(15, "SIGTERM"), Map.entry(24, "SIGXCPU"), Map.entry(25, "SIGXFSZ"));

    private Signals() {
    }

    /**
     * {@return the signal's name, e.g. {@code SIGILL}, or {@code signal N} for one not in the table}
     *
     * @param number the signal number
     * @param os     the OS that numbered it
     */
    static String name(int number, TargetOs os) {
        Map<Integer, String> table = os == TargetOs.MACOS || os == TargetOs.FREEBSD ? BSD : LINUX;
        return table.getOrDefault(number, "signal " + number);
    }
}
