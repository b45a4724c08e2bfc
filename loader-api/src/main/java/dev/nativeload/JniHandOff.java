package dev.nativeload;

import dev.nativeload.report.Attempt.Origin;

import dev.nativeload.internal.chain.ChainResult;
import dev.nativeload.internal.chain.DeferredReport;
import dev.nativeload.report.Attempt;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;
import dev.nativeload.report.Outcome;

import dev.nativeload.report.Diagnosis;
import dev.nativeload.spi.NativeAccess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands the file the chain loaded to the caller's own loader ({@code p -> System.load(p.toString())}
 * written in the caller's class), so JNI methods bind in the caller's class loader, and records it in the report.
 */
final class JniHandOff {
    private static final Origin CALLER_LOADER = Origin.of(Origin.Source.JNI_LOADER, "caller's loader");
    static final String STEP = "jni";

    private JniHandOff() {
    }

    static ChainResult.Loaded handOff(ChainResult.Loaded loaded, Consumer<Path> loader, NativeAccess access) {
        Path path = loaded.path().toAbsolutePath();
        long t0 = System.nanoTime();
        List<Attempt> attempts = new ArrayList<>(loaded.report().attempts());
        try {
            loader.accept(path);
        } catch (RuntimeException | LinkageError refused) {
            access.close(loaded.handle());
            attempts.add(new Attempt(STEP, CALLER_LOADER, path.toString(), new Outcome.Failed(Diagnosis.of(
                    FailureKind.INIT_FAILED, "the caller's JNI loader refused " + path + ": " + refused,
                    "check the library's JNI_OnLoad and that it is not already loaded by another class loader")),
                    Duration.ofNanos(System.nanoTime() - t0)));
            LoadReport report = new LoadReport(loaded.report().library(), loaded.report().host(), attempts,
                    loaded.report().elapsed().plusNanos(System.nanoTime() - t0));
            NativeLoadException e = new LibraryInitializationException(report, report.attempts().getLast().diagnosis().orElseThrow());
            e.initCause(refused);
            throw e;
        }
        attempts.add(new Attempt(STEP, CALLER_LOADER, path.toString(), new Outcome.Loaded(path),
                Duration.ofNanos(System.nanoTime() - t0)));
        LoadReport report = new LoadReport(loaded.report().library(), loaded.report().host(), attempts,
                loaded.report().elapsed().plusNanos(System.nanoTime() - t0));
        return new ChainResult.Loaded(loaded.handle(), loaded.path(), DeferredReport.of(report));
    }
}
