package dev.nativeload.cli;

import java.io.PrintWriter;
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
            "Loads a library through the nativeload chain in this JVM and explains the outcome.",
            "Prints the verdict, the cause with a hint, every attempt, and the host facts: OS, architecture, "
                    + "C library and version, page size, the mount flags of each directory involved, and the "
                    + "loader's environment variables and system properties.",
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
        DoctorResult result;
        try {
            result = new Doctor(environment.workingDirectory()).diagnose(target);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("nativeload doctor: " + e.getMessage());
            return 1;
        }
        out.print(json ? DoctorJson.render(result) + "\n" : DoctorText.render(result));
        return result.loaded() ? 0 : 1;
    }
}
