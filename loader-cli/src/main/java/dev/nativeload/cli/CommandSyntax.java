package dev.nativeload.cli;

import java.util.List;

/**
 * What a subcommand accepts and how its help reads: the one definition {@link ArgumentParser}
 * parses with and {@link UsageText} prints.
 *
 * @param name        the subcommand's name ({@code inspect})
 * @param description the help paragraphs; the first is the summary the command list shows
 * @param options     the options, in the order the help lists them
 * @param positionals the positional arguments
 * @param exitCodes   the exit statuses, each {@code "STATUS:meaning"}
 */
record CommandSyntax(String name, List<String> description, List<OptionSpec> options, PositionalSpec positionals,
        List<String> exitCodes) {

    CommandSyntax {
        description = List.copyOf(description);
        options = List.copyOf(options);
        exitCodes = List.copyOf(exitCodes);
    }

    /** {@return the option named so, or null} */
    OptionSpec option(String optionName) {
        for (OptionSpec option : options) {
            if (option.name().equals(optionName)) {
                return option;
            }
        }
        return null;
    }
}
