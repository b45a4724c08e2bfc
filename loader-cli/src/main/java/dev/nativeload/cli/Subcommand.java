package dev.nativeload.cli;

import java.io.PrintWriter;

/** One task of the {@code nativeload} command line: {@code inspect}, {@code tree}, ... */
interface Subcommand {
    /** {@return what the command accepts and how its help reads} */
    CommandSyntax syntax();

    /**
     * Runs the command.
     *
     * @param arguments its parsed arguments
     * @param out       standard output
     * @param err       standard error
     * @return the exit status: 0 success, 1 some input failed
     * @throws UsageException if the arguments parse but do not go together (status 2)
     */
    int run(Arguments arguments, PrintWriter out, PrintWriter err);
}
