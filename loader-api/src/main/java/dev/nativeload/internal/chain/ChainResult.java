package dev.nativeload.internal.chain;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.LoadReport;
import dev.nativeload.spi.LibraryHandle;
import java.nio.file.Path;
import java.util.Objects;

/** How one run of the chain ended: a library opened, or every attempt failed. Nothing is thrown. */
public sealed interface ChainResult {
    /** {@return every attempt of the run} */
    LoadReport report();

    /**
     * A candidate loaded.
     *
     * @param handle the OS handle; the receiver owns one reference
     * @param path   the file the OS reports it loaded
     * @param deferred every attempt, the last one the success: the report, made when first read
     */
    record Loaded(LibraryHandle handle, Path path, DeferredReport deferred) implements ChainResult {
        public Loaded {
            Objects.requireNonNull(handle, "handle");
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(deferred, "deferred");
        }

        /** {@return every attempt, the refusals before the success explained now if not yet} */
        @Override
        public LoadReport report() {
            return deferred.get();
        }
    }

    /**
     * No candidate loaded.
     *
     * @param report every attempt
     * @param cause  the most telling attempt's diagnosis (or why there was no attempt at all)
     */
    record Failed(LoadReport report, Diagnosis cause) implements ChainResult {
        public Failed {
            Objects.requireNonNull(report, "report");
            Objects.requireNonNull(cause, "cause");
        }
    }
}
