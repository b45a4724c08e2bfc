package dev.nativeload;

import dev.nativeload.internal.log.Loggers;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.LoadReport;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What a failed load logs: one event at DEBUG, with SLF4J key-value pairs a JSON encoder indexes
 * ({@code library}, {@code kind}, and {@code path}, the target of the attempt whose failure says the
 * most); a failure its caller catches is not the application's news, and the report lives in the
 * exception. A successful load logs nothing: whether anyone would listen is a service lookup of
 * SLF4J's providers (about 5 ms of every new JVM's first load), so the success path never asks; it
 * is a JFR event, and {@link NativeLibrary#path()} and {@link NativeLibrary#report()} say where it
 * came from. With no SLF4J provider on the path, SLF4J is never initialised, so it prints nothing of
 * its own either ({@link Loggers}, as for every logger of nativeload).
 */
final class LoadLog {
    private LoadLog() {
    }

    /** The logger, or null when SLF4J has no provider here ({@link Loggers}); made on the first failed load. */
    private static final Logger LOG = Loggers.providerPresent() ? Loggers.of(NativeLoader.class) : null;

    static void failed(LoadReport report, Diagnosis cause) {
        Logger log = LOG;
        if (log != null && log.isDebugEnabled()) {
            LoggingEventBuilder event = log.atDebug().addKeyValue("library", report.library()).addKeyValue("kind", cause.kind().name());
            report.mostSpecificFailure().ifPresent(a -> event.addKeyValue("path", a.target()));
            event.log("nativeload: could not load {}\n{}", report.library(), report.render());
        }
    }
}
