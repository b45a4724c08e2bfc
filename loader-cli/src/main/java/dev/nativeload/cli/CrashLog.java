package dev.nativeload.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What HotSpot's fatal error log ({@code -XX:ErrorFile}) of a crashed trial load says: the signal
 * number from its {@code siginfo: si_signo: N} line and, when the crash was in native code, the library
 * and function of the problematic frame ({@code # C  [libfoo.so+0x4c9]  init+0x0}).
 *
 * @param signal   the signal number, when the log has one
 * @param library  the file name of the library the faulting code belongs to
 * @param function the function it was in, when the library has symbols
 * @param log      where the log is
 */
record CrashLog(OptionalInt signal, Optional<String> library, Optional<String> function, Path log) {
    private static final Pattern SIGNO = Pattern.compile("si_signo: (\\d+)");
    private static final Pattern NATIVE_FRAME = Pattern.compile("^# C {2}\\[([^\\]+]+)(?:\\+0x[0-9a-f]+)?\\](?: {2}([^+\\s]+))?");
    /** The log is read up to here: the header and siginfo come first. */
    private static final int MAX_LINES = 2000;

    /**
     * {@return the facts of a fatal error log, empty when there is no log}
     *
     * @param log the file given as {@code -XX:ErrorFile}
     */
    static Optional<CrashLog> read(Path log) {
        if (!Files.isRegularFile(log)) {
            return Optional.empty();
        }
        List<String> lines;
        try (var stream = Files.lines(log, StandardCharsets.ISO_8859_1)) {
            lines = stream.limit(MAX_LINES).toList();
        } catch (IOException | java.io.UncheckedIOException e) {
            return Optional.empty();
        }
        OptionalInt signal = OptionalInt.empty();
        Optional<String> library = Optional.empty();
        Optional<String> function = Optional.empty();
        for (String line : lines) {
            Matcher signo = SIGNO.matcher(line);
            if (signal.isEmpty() && line.startsWith("siginfo:") && signo.find()) {
                signal = OptionalInt.of(Integer.parseInt(signo.group(1)));
            }
            Matcher frame = NATIVE_FRAME.matcher(line);
            if (library.isEmpty() && frame.find()) {
                library = Optional.of(frame.group(1));
                function = Optional.ofNullable(frame.group(2));
            }
        }
        return Optional.of(new CrashLog(signal, library, function, log));
    }
}
