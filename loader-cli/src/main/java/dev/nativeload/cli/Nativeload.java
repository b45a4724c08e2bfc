package dev.nativeload.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The top-level {@code nativeload} command. It does nothing itself; each task is a subcommand
 * registered in {@link #commandLine(CliEnvironment, PrintWriter, PrintWriter)}.
 *
 * <p>Exit status: what the subcommand returns (0 success, 1 some input failed), 2 for a usage error.
 */
@Command(
        name = "nativeload",
        mixinStandardHelpOptions = true,
        versionProvider = Nativeload.Version.class,
        description = "Reads native libraries (ELF, PE, Mach-O) and explains what they need to load.",
        subcommands = HelpCommand.class)
public final class Nativeload implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    private Nativeload() {
    }

    /**
     * Builds the command line with every subcommand, writing to the given streams.
     * Run it with {@link CommandLine#execute(String...)}, which returns the exit status.
     *
     * @param environment standard input and working directory for the subcommands
     * @param out         standard output; callers flush it after {@code execute}
     * @param err         standard error
     * @return the configured command line
     */
    public static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        return commandLine(environment, out, err, null);
    }

    /** The subcommands, by name; {@link #subcommand} makes each. */
    private static final List<String> SUBCOMMANDS = List.of("inspect", "doctor", "verify", "tree", "scan", "explain");

    /**
     * Builds the command line for one run: when the first argument names a subcommand, only that
     * subcommand is registered, since picocli reads every registered command's annotations up
     * front and one command is all such a run parses; otherwise (help, version, a mistyped name,
     * whose message lists the others) every subcommand is.
     *
     * @param environment standard input and working directory for the subcommands
     * @param out         standard output; callers flush it after {@code execute}
     * @param err         standard error
     * @param first       the first command-line argument, or null
     * @return the configured command line
     */
    static CommandLine commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err, String first) {
        CommandLine commandLine = new CommandLine(new Nativeload());
        // Subcommands that need the environment are added as instances.
        boolean one = first != null && SUBCOMMANDS.contains(first);
        for (String name : SUBCOMMANDS) {
            if (!one || name.equals(first)) {
                commandLine.addSubcommand(subcommand(name, environment));
            }
        }
        // '@LIST' is inspect's list of file names, one per line, not picocli's whitespace-split argument file.
        commandLine.setExpandAtFiles(false);
        commandLine.setOut(out);
        commandLine.setErr(err);
        return commandLine;
    }

    private static Object subcommand(String name, CliEnvironment environment) {
        return switch (name) {
            case "inspect" -> new InspectCommand(environment);
            case "doctor" -> new DoctorCommand(environment);
            case "verify" -> new VerifyCommand(environment);
            case "tree" -> new TreeCommand(environment);
            case "scan" -> new ScanCommand(environment);
            case "explain" -> new ExplainCommand(environment);
            default -> throw new IllegalArgumentException("no subcommand " + name);
        };
    }

    @Override
    public Integer call() {
        throw new ParameterException(spec.commandLine(), "Missing required subcommand");
    }

    /** The version recorded in the module descriptor at build time. */
    static final class Version implements IVersionProvider {
        @Override
        public String[] getVersion() {
            Module module = Version.class.getModule();
            String version = module.isNamed()
                    ? module.getDescriptor().rawVersion().orElse(null)
                    : Version.class.getPackage().getImplementationVersion(); // java -jar, on the class path
            return new String[] {"nativeload " + (version != null ? version : "(version unknown)")};
        }
    }
}
