package dev.nativeload;

import dev.nativeload.internal.chain.ServiceAccess;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.report.LoadReport;
import dev.nativeload.spi.NativeAccess;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.ServiceConfigurationError;

/**
 * Finds the {@link NativeAccess} service once: loader-ffm's, unless a test or an embedder supplies
 * another. A set-up mistake (the service absent, native access denied to it) is found once and
 * reported as the same typed exception on every call, with the fix for the way this JVM runs.
 */
final class NativeAccessLookup {
    private NativeAccessLookup() {
    }

    // Found once, when the first load needs it (this class is loaded then): two fields rather than a
    // holder class and a record, since each class of ours costs every new JVM's first load a third
    // of a millisecond.
    /** The service, or null. */
    private static final NativeAccess ACCESS;
    /** Why there is no service, or null. */
    private static final Diagnosis PROBLEM;

    static {
        NativeAccess access = null;
        Diagnosis problem = null;
        try {
            Optional<NativeAccess> found = ServiceAccess.lookUp();
            // No lambdas: this runs on every first load, where each would cost a class spun at run time.
            if (found.isPresent()) {
                access = found.get();
            } else {
                problem = Diagnosis.of(FailureKind.SETUP_INCOMPLETE,
                        "no implementation of nativeload's OS boundary (loader-ffm) for this OS is on the class or module path",
                        "add the dependency dev.nativeload:loader-ffm (it brings loader-api with it)");
            }
        } catch (ServiceConfigurationError | LinkageError broken) {
            problem = deniedOrBroken(broken);
        }
        ACCESS = access;
        PROBLEM = problem;
    }

    /**
     * {@return the OS boundary}
     *
     * @param library the library being loaded, for the report of a set-up failure
     * @throws LoaderUnsupportedException if there is none that works here
     */
    static NativeAccess get(String library) {
        if (ACCESS != null) {
            return ACCESS;
        }
        LoadReport report = new LoadReport(library, HostProbe.fromFiles(), List.of(), Duration.ZERO);
        throw NativeLoadException.of(report, PROBLEM); // SETUP_INCOMPLETE: a LoaderUnsupportedException
    }

    private static Diagnosis deniedOrBroken(Throwable broken) {
        for (Throwable t = broken; t != null; t = t.getCause()) {
            if (t instanceof IllegalCallerException) {
                return Diagnosis.of(FailureKind.SETUP_INCOMPLETE,
                        "native access is not granted to nativeload's OS boundary (" + t.getMessage() + ")",
                        NativeAccessFlag.forThisJvm());
            }
        }
        return Diagnosis.of(FailureKind.SETUP_INCOMPLETE, "nativeload's OS boundary (loader-ffm) failed to start: " + broken,
                "check that loader-ffm and loader-api have the same version, and that the JVM is 22 or newer");
    }
}
