package dev.nativeload;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.LoadReport;
import dev.nativeload.report.Outcome;
import java.nio.file.Path;
import jdk.jfr.Category;
import jdk.jfr.Description;
import jdk.jfr.Event;
import jdk.jfr.Label;
import jdk.jfr.Name;
import jdk.jfr.StackTrace;

/**
 * The JFR event of one run of the loading chain, loaded or failed: {@code dev.nativeload.LibraryLoad}.
 *
 * <p>One type with a {@code loaded} flag rather than a type per outcome: loads are few (one per
 * library and configuration), so a recording holds them all without filtering, and one table in JDK
 * Mission Control lists every load with its duration beside the failures, sortable by either. The
 * event is begun before the chain runs and committed after it: JFR's own start time and duration
 * are the load's. It is created only once JFR has started ({@code FlightRecorder.isInitialized()}),
 * because loading an event class sets up JFR's metadata, which would add to every JVM's first load;
 * when no recording asks for it, {@link #shouldCommit()} is false and no field is computed. The class
 * is not public, so the exported API does not grow.
 */
@Name("dev.nativeload.LibraryLoad")
@Label("Native Library Load")
@Category({"nativeload"})
@Description("A native library loaded, or not, through nativeload's chain of strategies")
@StackTrace(true)
final class LoadEvent extends Event {
    @Label("Library")
    @Description("The library as the caller named it (a name such as z, or a file)")
    String library;

    @Label("Loaded")
    @Description("Whether the library loaded")
    boolean loaded;

    @Label("Path")
    @Description("The file that loaded; empty when none did")
    String path;

    @Label("Strategy")
    @Description("The step of the chain that loaded it, or whose failure says the most about why it did not")
    String strategy;

    @Label("Failure Kind")
    @Description("Why it did not load (a FailureKind name); empty when it loaded")
    String failureKind;

    @Label("Cause")
    @Description("The cause of the failure, in plain words; empty when it loaded")
    String cause;

    @Label("Attempts")
    @Description("Every attempt of the chain, in order: strategy, target and outcome")
    String attempts;

    @Label("Attempt Count")
    @Description("How many attempts the chain made")
    int attemptCount;

    /** Commits this event for a library that loaded, if a recording asks for it. */
    void loaded(LoadReport report, Path file) {
        end();
        if (shouldCommit()) {
            describe(report);
            loaded = true;
            path = file.toString();
            strategy = report.attempts().stream().filter(Attempt::loaded).map(Attempt::strategy).findFirst().orElse("");
            failureKind = "";
            cause = "";
            commit();
        }
    }

    /** Commits this event for a library that did not load, if a recording asks for it. */
    void failed(LoadReport report, Diagnosis why) {
        end();
        if (shouldCommit()) {
            describe(report);
            loaded = false;
            path = "";
            strategy = report.mostSpecificFailure().map(Attempt::strategy).orElse("");
            failureKind = why.kind().name();
            cause = why.cause();
            commit();
        }
    }

    private void describe(LoadReport report) {
        library = report.library();
        attemptCount = report.attempts().size();
        StringBuilder sb = new StringBuilder();
        for (Attempt a : report.attempts()) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(a.strategy()).append(' ').append(a.target()).append(": ").append(outcome(a.outcome()));
        }
        attempts = sb.toString();
    }

    private static String outcome(Outcome outcome) {
        return switch (outcome) {
            case Outcome.Loaded l -> "loaded";
            case Outcome.Skipped s -> "skipped (" + s.why().kind() + ")";
            case Outcome.Failed f -> "failed (" + f.why().kind() + ")";
        };
    }
}
