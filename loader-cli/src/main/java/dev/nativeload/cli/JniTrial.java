package dev.nativeload.cli;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.Outcome;
import dev.nativeload.report.Diagnosis;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The JNI step of a trial load: {@code System.load} of the file the chain opened, which runs its
 * {@code JNI_OnLoad} and checks the JNI version it returns, as an application loading it for JNI does.
 */
final class JniTrial {
    /** The JNI entry point the JVM calls when it loads a library. */
    static final String JNI_ON_LOAD = "JNI_OnLoad";
    /** The attempt's strategy name in the report. */
    static final String STEP = "jni";

    private JniTrial() {
    }

    /**
     * {@return the attempt of handing {@code file} to {@code System.load}: loaded, or failed with INIT_FAILED naming JNI_OnLoad}
     *
     * @param file the absolute path the chain loaded
     */
    static Attempt run(Path file) {
        long t0 = System.nanoTime();
        Outcome outcome;
        String name = String.valueOf(file.getFileName());
        try {
            System.load(file.toString());
            outcome = new Outcome.Loaded(file);
        } catch (UnsatisfiedLinkError refused) {
            // The file is already open, so the JVM refused what JNI_OnLoad returned.
            outcome = new Outcome.Failed(Diagnosis.of(FailureKind.INIT_FAILED,
                    "JNI_OnLoad of " + name + " returned JNI_ERR or a JNI version this JVM (" + Runtime.version().feature()
                            + ") does not support, so the JVM refused the library",
                    "JNI_OnLoad returns JNI_ERR when its own set-up fails, most often a class or method it looks up that "
                            + "this jar does not have: use the native library released with this jar; a library that asks "
                            + "for a newer JNI version needs a newer JVM")
                    .withOs(String.valueOf(refused.getMessage()), Optional.empty(), OptionalInt.empty())
                    .withCulprit(new Diagnosis.Culprit.Symbol(JNI_ON_LOAD, java.util.Optional.empty())));
        } catch (LinkageError | RuntimeException thrown) {
            outcome = new Outcome.Failed(Diagnosis.of(FailureKind.INIT_FAILED,
                    "JNI_OnLoad of " + name + " threw " + thrown,
                    "JNI_OnLoad looks up Java classes and methods by name: they must be visible to the class that loads "
                            + "the library and keep their names (exclude them from shading and shrinking); or use the "
                            + "native library released with this jar")
                    .withCulprit(new Diagnosis.Culprit.Symbol(JNI_ON_LOAD, java.util.Optional.empty())));
        }
        return new Attempt(STEP, Attempt.Origin.of(Attempt.Origin.Source.JNI_LOADER, "System.load"), file.toString(), outcome, Duration.ofNanos(System.nanoTime() - t0));
    }
}
