package dev.nativeload;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.LoadReport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.spi.LoggingEventBuilder;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * What a load logs: at DEBUG only, with SLF4J key-value pairs a JSON encoder indexes: {@code library}
 * on both, {@code path} (the file loaded, or the target of the attempt whose failure says the most)
 * and {@code kind} on a failure. A successful load and a failed one that its caller catches are not the application's
 * news; the report lives in the exception. With no SLF4J provider on the path, SLF4J is never
 * initialised, so it prints nothing of its own either.
 */
final class LoadLog {
    private LoadLog() {
    }

    /** The logger, or null when no SLF4J provider is present; resolved on the first load. */
    private static final class Holder {
        static final Logger LOG = find();

        private static Logger find() {
            try {
                if (ServiceLoader.load(SLF4JServiceProvider.class, LoadLog.class.getClassLoader()).findFirst().isEmpty()) {
                    return null;
                }
                return LoggerFactory.getLogger(NativeLoader.class);
            } catch (LinkageError | RuntimeException noSlf4j) {
                return null;
            }
        }
    }

    static void loaded(LoadReport report, Path path) {
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
