package dev.nativeload.cli;

import java.io.PrintWriter;
import java.util.List;
import java.time.Duration;
import java.util.Locale;

/** {@code nativeload doctor [--json] NAME|FILE}: loads a library for real and explains the outcome. */
final class DoctorCommand implements Subcommand {
    private static final OptionSpec JSON = OptionSpec.flag("--json", "Print one JSON object.");
    private static final OptionSpec JNI = OptionSpec.value("--jni", "WHEN",
            "Also hand the loaded file to System.load, which runs JNI_OnLoad: auto (when the library "
                    + "exports JNI_OnLoad), always, never.").withDefault("auto");
    private static final OptionSpec TIMEOUT = OptionSpec.value("--timeout", "SECONDS",
            "Stop a trial load that runs longer than this, and say so.").withDefault("60");

    private static final CommandSyntax SYNTAX = new CommandSyntax(
            "doctor",
            List.of(
                    "Loads a library through the nativeload chain in a child JVM and explains the outcome. A library "
                            + "that kills (SIGSEGV, SIGBUS, SIGILL, SIGABRT) or hangs the process it loads in takes only "
                            + "the child with it: the verdict names the signal, or the deadline.",
                    "Prints the verdict, the cause with a hint, every attempt, and the host facts: OS, architecture, "
                            + "C library and version, page size, the mount flags of each directory involved, and the "
                            + "loader's environment variables and system properties; on glibc, every reference of the "
                            + "file's tree that neither the tree nor the trial JVM defines (bound offline: all of them, "
                            + "not only the first the loader names; what a lazy load would die of at the first call).",
                    "An argument with a '/' or naming an existing file is loaded as that file; any other is a library "
                            + "name such as 'z' or 'libz.so.1'."),
            List.of(JSON, JNI, TIMEOUT),
            PositionalSpec.one("NAME|FILE", "The library name or file to load."),
            List.of("0:the library loaded", "1:it did not load", "2:usage error"));

    private String jni;

    private final CliEnvironment environment;

    /** @param environment the working directory file arguments are resolved against */
    DoctorCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
        boolean json = arguments.flag(JSON);
        jni = arguments.value(JNI);
        long timeoutSeconds = arguments.longValue(TIMEOUT);
        String target = arguments.positionals().getFirst();
        JniStep step = jniStep();
        if (timeoutSeconds <= 0) {
            throw new UsageException("--timeout must be a positive number of seconds");
        }
        if (target.isBlank()) {
            throw new UsageException("the library name is blank");
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
                    throw new UsageException(why);
                }
                out.print(reported.output());
                return reported.status();
            }
            result = doctor.unreported(target, TrialVerdict.of(outcome, target, doctor.fileOf(target)));
        } catch (IllegalStateException e) {
            err.println("nativeload doctor: " + e.getMessage());
            return 1;
        }
        out.print(json ? DoctorJson.render(result) + "\n" : DoctorText.render(result));
        return 1;
    }

    private JniStep jniStep() {
        try {
            return JniStep.valueOf(jni.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UsageException("--jni must be auto, always or never, not '" + jni + "'");
        }
    }
}
