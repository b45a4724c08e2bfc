package dev.nativeload.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nativeload inspect [--json] FILE...}: what each file is and what it needs to load. */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = {
            "Tells what each file is and what it needs to load.",
            "For each FILE: format, architecture, bits, byte order, type, OS and C library; soname, "
                    + "needed libraries in file order, rpath, runpath, interpreter, delay imports and symbol "
                    + "versions. Each slice of a fat Mach-O file is shown on its own.",
            "A file that cannot be read is reported and the run goes on with the next one."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every file was read",
            "1:some file could not be read",
            "2:usage error"
        })
final class InspectCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per file, one per line.")
    private boolean json;

    @Parameters(
            paramLabel = "FILE",
            arity = "1..*",
            description = "Files to inspect. '-' reads file names from standard input and @LIST from the file LIST, "
                    + "one name per line (write ./@name for a file whose name starts with @).")
    private List<String> files;

    private final CliEnvironment environment;

    /** @param environment where {@code -} and relative names are read from */
    InspectCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Inspector inspector = new Inspector(environment.workingDirectory());
        boolean anyFailed = false;
        boolean first = true;
        for (FileArguments.Item item : new FileArguments(files, environment.stdin(), environment.workingDirectory())) {
            InspectResult result = switch (item) {
                case FileArguments.FileName name -> inspector.inspect(name.name());
                case FileArguments.UnreadableList list -> new InspectResult.Failed(
                        list.argument(), InspectResult.ErrorKind.IO, list.message(), OptionalLong.empty());
            };
            anyFailed |= result instanceof InspectResult.Failed;
            if (json) {
                out.println(InspectJson.render(result));
            } else {
                switch (result) {
                    case InspectResult.Read read -> {
                        if (!first) {
                            out.println();
                        }
                        out.print(InspectText.render(read));
                        first = false;
                    }
                    case InspectResult.Failed failed -> {
                        err.print(InspectText.render(failed));
                        err.flush();
                    }
                }
            }
            // checkError flushes, so output keeps pace with a slow producer on stdin; a closed pipe stops the run.
            if (out.checkError()) {
                err.println("nativeload inspect: cannot write to standard output; stopped");
                err.flush();
                return 1;
            }
        }
        return anyFailed ? 1 : 0;
    }
}
