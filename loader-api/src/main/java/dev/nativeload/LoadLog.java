package dev.nativeload;

import dev.nativeload.internal.chain.DeferredReport;
import dev.nativeload.internal.log.Loggers;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.LoadReport;
import java.nio.file.Path;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.spi.LoggingEventBuilder;

/**
 * What a load logs: at DEBUG only, with SLF4J key-value pairs a JSON encoder indexes: {@code library}
 * on both, {@code path} (the file loaded, or the target of the attempt whose failure says the most)
 * and {@code kind} on a failure. A successful load and a failed one that its caller catches are not the application's
 * news; the report lives in the exception. With no SLF4J provider on the path, SLF4J is never
 * initialised, so it prints nothing of its own either ({@link Loggers}, as for every logger of nativeload).
 */
final class LoadLog {
    private LoadLog() {
    }

    /** The logger, or null when SLF4J has no provider here ({@link Loggers}); made on the first load. */
    private static final class Holder {
        static final Logger LOG = Loggers.providerPresent() ? Loggers.of(NativeLoader.class) : null;
    }

    /** Logs a success; its report is not made for it (the refusals before the success stay unexplained). */
    static void loaded(DeferredReport report, Path path) {
        Logger log = Holder.LOG;
        if (log != null && log.isDebugEnabled()) {
            log.atDebug().addKeyValue("library", report.library()).addKeyValue("path", path.toString())
                    .log("nativeload: loaded {} from {} in {} ms", report.library(), path,
                            String.format(Locale.ROOT, "%.2f", report.elapsed().toNanos() / 1e6));
        }
    }

    static void failed(LoadReport report, Diagnosis cause) {
        Logger log = Holder.LOG;
        if (log != null && log.isDebugEnabled()) {
            LoggingEventBuilder event = log.atDebug().addKeyValue("library", report.library()).addKeyValue("kind", cause.kind().name());
            report.mostSpecificFailure().ifPresent(a -> event.addKeyValue("path", a.target()));
            event.log("nativeload: could not load {}\n{}", report.library(), report.render());
        }
    }
}
