package dev.nativeload.cli;

import java.io.PrintWriter;
import java.util.List;

/** {@code nativeload inspect [--json] FILE...}: what each file is and what it needs to load. */
final class InspectCommand implements Subcommand {
    private static final OptionSpec JSON = OptionSpec.flag("--json", "Print one JSON object per file, one per line.");

    private static final CommandSyntax SYNTAX = new CommandSyntax(
            "inspect",
            List.of(
                    "Tells what each file is and what it needs to load.",
                    "For each FILE: format, architecture, bits, byte order, type, OS and C library; soname, "
                            + "needed libraries in file order, rpath, runpath, interpreter, delay imports and symbol "
                            + "versions. Each slice of a fat Mach-O file is shown on its own.",
                    "A file that cannot be read is reported and the run goes on with the next one."),
            List.of(JSON),
            PositionalSpec.oneOrMore("FILE", "Files to inspect. '-' reads file names from standard input and @LIST from "
                    + "the file LIST, one name per line (write ./@name for a file whose name starts with @)."),
            List.of("0:every file was read", "1:some file could not be read", "2:usage error"));

    private final CliEnvironment environment;

    /** @param environment where {@code -} and relative names are read from */
    InspectCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
        boolean json = arguments.flag(JSON);
        Inspector inspector = new Inspector(environment.workingDirectory());
        boolean anyFailed = false;
        boolean first = true;
        for (FileArguments.Item item : new FileArguments(arguments.positionals(), environment.stdin(), environment.workingDirectory())) {
            // instanceof, not pattern switches: each of those spins a class at run time, outside the AOT cache.
            InspectResult result = item instanceof FileArguments.FileName name
                    ? inspector.inspect(name.name()) : ((FileArguments.UnreadableList) item).failed();
            anyFailed |= result instanceof InspectResult.Failed;
            if (json) {
                out.println(InspectJson.render(result));
            } else if (result instanceof InspectResult.Read read) {
                if (!first) {
                    out.println();
                }
                out.print(InspectText.render(read));
                first = false;
            } else {
                err.print(InspectText.render((InspectResult.Failed) result));
                err.flush();
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
