package dev.nativeload.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The top-level {@code nativeload} command. It does nothing itself; each task is a {@link Subcommand}
 * made by {@link #subcommand}, only the one a run names.
 *
 * <p>Exit status: what the subcommand returns (0 success, 1 some input failed), 2 for a usage error.
 */
public final class Nativeload {
    private static final String PROGRAM = "nativeload";
    private static final String DESCRIPTION = "Reads native libraries (ELF, PE, Mach-O) and explains what they need to load.";

    /** The subcommands, by name, in the order the help lists them; {@link #subcommand} makes each. */
    private static final List<String> SUBCOMMANDS = List.of("inspect", "doctor", "verify", "tree", "scan", "explain");

    private final CliEnvironment environment;
    private final PrintWriter out;
    private final PrintWriter err;

    private Nativeload(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        this.environment = environment;
        this.out = out;
        this.err = err;
    }

    /**
     * Builds the command line, writing to the given streams. Run it with {@link #execute(String...)},
     * which returns the exit status.
     *
     * @param environment standard input and working directory for the subcommands
     * @param out         standard output; callers flush it after {@code execute}
     * @param err         standard error
     * @return the command line
     */
    public static Nativeload commandLine(CliEnvironment environment, PrintWriter out, PrintWriter err) {
        return new Nativeload(environment, out, err);
    }

    /**
     * Runs one command line.
     *
     * @param args the arguments: a subcommand's name and its arguments, {@code help [COMMAND]}, {@code --help} or {@code --version}
     * @return the exit status: the subcommand's, 0 for help and version, 2 for a usage error
     */
    public int execute(String... args) {
        if (args.length == 0) {
            return usageError("Missing required subcommand", programUsage(), PROGRAM);
        }
        String first = args[0];
        switch (first) {
            case "-h", "--help" -> {
                out.print(programUsage());
                return 0;
            }
            case "-V", "--version" -> {
                out.println(version());
                return 0;
            }
            case "help" -> {
                return help(args);
            }
            default -> {
            }
        }
        if (!SUBCOMMANDS.contains(first)) {
            return usageError((first.startsWith("-") ? "Unknown option: '" : "Unknown command: '") + first + "'",
                    programUsage(), PROGRAM);
        }
        Subcommand command = subcommand(first, environment);
        try {
            // instanceof, not a pattern switch: each pattern switch spins a class at run time, outside the AOT cache.
            ArgumentParser.Request request = ArgumentParser.parse(command.syntax(), Arrays.asList(args).subList(1, args.length));
            if (request instanceof ArgumentParser.Run run) {
                return command.run(run.arguments(), out, err);
            }
            out.print(request instanceof ArgumentParser.Help ? UsageText.of(PROGRAM, command.syntax()) : version() + "\n");
            return 0;
        } catch (UsageException e) {
            return usageError(e.getMessage(), UsageText.of(PROGRAM, command.syntax()), PROGRAM + " " + first);
        } catch (RuntimeException e) {
            // A bug, not a usage error or a failed input: its stack trace is what a report needs.
            err.println(PROGRAM + " " + first + ": internal error");
            e.printStackTrace(err);
            return 1;
        }
    }

    /** {@code help} alone: the program's help; {@code help COMMAND}: the command's. */
    private int help(String[] args) {
        if (args.length == 1) {
            out.print(programUsage());
            return 0;
        }
        if (args.length > 2 || !SUBCOMMANDS.contains(args[1])) {
            return usageError("help takes one command, one of " + String.join(", ", SUBCOMMANDS)
                    + ", not '" + String.join(" ", Arrays.asList(args).subList(1, args.length)) + "'", programUsage(), PROGRAM);
        }
        out.print(UsageText.of(PROGRAM, subcommand(args[1], environment).syntax()));
        return 0;
    }

    /** Prints what is wrong, the synopsis, and where the whole help is; {@return 2, a usage error's status} */
    private int usageError(String message, String usage, String command) {
        err.println(command + ": " + message);
        err.println(UsageText.synopsis(usage));
        err.println("Try '" + command + " --help' for more information.");
        err.flush();
        return 2;
    }

    private String programUsage() {
        List<String[]> commands = new ArrayList<>();
        for (String name : SUBCOMMANDS) {
            commands.add(new String[] {name, UsageText.summary(subcommand(name, environment).syntax().description().getFirst())});
        }
        commands.add(new String[] {"help", "Shows a command's help: help COMMAND."});
        return UsageText.ofProgram(PROGRAM, DESCRIPTION, commands);
    }

    private static Subcommand subcommand(String name, CliEnvironment environment) {
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

    /** {@return the version recorded in the module descriptor at build time} */
    static String version() {
        Module module = Nativeload.class.getModule();
        String version = module.isNamed()
                ? module.getDescriptor().rawVersion().orElse(null)
                : Nativeload.class.getPackage().getImplementationVersion(); // java -jar, on the class path
        return PROGRAM + " " + (version != null ? version : "(version unknown)");
    }
}
