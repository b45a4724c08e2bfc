package dev.nativeload.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Finds the native-library load failures in a log, streaming it once in bounded memory.
 *
 * <p>Each line goes through the {@link AnchorFilter} as bytes; only a line holding a literal some
 * failure's message contains is decoded. Its message is that line and the lines continuing it (not a
 * stack frame, {@code Caused by:}, a blank line or a new record, at most {@link #MAX_CONTINUATION} of
 * them), or, for a JSON-lines record, the record's string fields. The {@link FailureReader} says what it
 * reports.
 *
 * <p>One failure logged several times is reported once: a failure the same as one already reported
 * (same library, kind, dependency, symbol and version) is dropped while the log is still in the same
 * stack trace, that is while every line since is a frame, a {@code Caused by:}/{@code Suppressed:}, an
 * exception's header or an indented line (a logger writing its message and then the exception's header
 * is one trace). A line of any other shape starts a new trace: the same failure logged again by a
 * later record is reported again.
 */
final class LogScanner {
    /** How many lines after the first a message may take. */
    static final int MAX_CONTINUATION = 8;

    private final FailureReader reader;
    private final AnchorFilter filter;

    /** @param reader what a message reports */
    LogScanner(FailureReader reader) {
        this.reader = reader;
        this.filter = new AnchorFilter(reader.anchors());
    }

    /**
     * Reads a log to its end.
     *
     * @param log     the log
     * @param found   told each failure, in the order of the log
     * @throws IOException if reading fails
     */
    void scan(InputStream log, Consumer<ExplainedFailure> found) throws IOException {
        LogLines lines = new LogLines(log);
        Set<String> reported = new HashSet<>();
        long start = 0;
        List<String> message = null;
        while (lines.next()) {
            LineShape shape = LineShape.of(lines.bytes(), lines.offset(), lines.length());
            if (message != null) {
                if (continues(shape) && message.size() <= MAX_CONTINUATION) {
                    message.add(lines.text());
                    continue;
                }
                report(start, message, reported, found);
                message = null;
            }
            if (shape == LineShape.OTHER || shape == LineShape.RECORD) {
                reported.clear();
            }
            if (!filter.matches(lines.bytes(), lines.offset(), lines.length())) {
                continue;
            }
            String text = lines.text();
            if (JsonLogRecord.looksLikeJson(text)) {
                report(lines.number(), JsonLogRecord.lines(text), reported, found);
            } else {
                start = lines.number();
                message = new ArrayList<>();
                message.add(text);
            }
        }
        if (message != null) {
            report(start, message, reported, found);
        }
    }

    private static boolean continues(LineShape shape) {
        return shape == LineShape.OTHER || shape == LineShape.TRACE;
    }

    private void report(long line, List<String> message, Set<String> reported, Consumer<ExplainedFailure> found) {
        reader.read(line, message).filter(f -> reported.add(f.identity())).ifPresent(found);
    }
}
