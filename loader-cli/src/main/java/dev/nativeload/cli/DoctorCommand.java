package dev.nativeload.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nativeload doctor [--json] NAME|FILE}: loads a library for real and explains the outcome. */
@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Loads a library through the nativeload chain in a child JVM and explains the outcome. A library "
                    + "that kills (SIGSEGV, SIGBUS, SIGILL, SIGABRT) or hangs the process it loads in takes only the "
                    + "child with it: the verdict names the signal, or the deadline.",
            "Prints the verdict, the cause with a hint, every attempt, and the host facts: OS, architecture, "
                    + "C library and version, page size, the mount flags of each directory involved, and the "
                    + "loader's environment variables and system properties; on glibc, every reference of the file's "
                    + "tree that neither the tree nor the trial JVM defines (bound offline: all of them, not only the "
                    + "first the loader names; what a lazy load would die of at the first call).",
            "An argument with a '/' or naming an existing file is loaded as that file; any other is a library "
                    + "name such as 'z' or 'libz.so.1'."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:the library loaded",
            "1:it did not load",
            "2:usage error"
        })
final class DoctorCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object.")
    private boolean json;

    @Option(names = "--jni", paramLabel = "WHEN", defaultValue = "auto",
            description = "Also hand the loaded file to System.load, which runs JNI_OnLoad: auto (when the library "
                    + "exports JNI_OnLoad), always, never. Default: ${DEFAULT-VALUE}.")
    private String jni;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Stop a trial load that runs longer than this, and say so. Default: ${DEFAULT-VALUE}.")
    private long timeoutSeconds;

    @Parameters(paramLabel = "NAME|FILE", arity = "1", description = "The library name or file to load.")
    private String target;

    private final CliEnvironment environment;

    /** @param environment the working directory file arguments are resolved against */
    DoctorCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        JniStep step = jniStep();
        if (timeoutSeconds <= 0) {
            throw new ParameterException(spec.commandLine(), "--timeout must be a positive number of seconds");
        }
        if (target.isBlank()) {
            throw new ParameterException(spec.commandLine(), "the library name is blank");
        }
        Doctor doctor = new Doctor(environment.workingDirectory());
        DoctorResult result;
        try {
            TrialOutcome outcome = new ChildTrial(environment.workingDirectory(), Duration.ofSeconds(timeoutSeconds),
                    Doctor.nativeAccess().host().os()).run(target, json, step);
            if (outcome instanceof TrialOutcome.Reported reported) {
                if (reported.status() == 2) {
                    String prefix = "nativeload doctor: ";
                    String why = reported.errors().lines().filter(l -> l.startsWith(prefix)).reduce((a, b) -> b)
                            .map(l -> l.substring(prefix.length())).orElse(reported.errors().strip());
                    throw new ParameterException(spec.commandLine(), why);
                }
                out.print(reported.output());
                return reported.status();
            }
            result = doctor.unreported(target, TrialVerdict.of(outcome, target, doctor.fileOf(target)));
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("nativeload doctor: " + e.getMessage());
            return 1;
        }
        out.print(json ? DoctorJson.render(result) + "\n" : DoctorText.render(result));
        return 1;
    }

    private JniStep jniStep() {
        try {
            return JniStep.valueOf(jni.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--jni must be auto, always or never, not '" + jni + "'");
        }
    }
}
