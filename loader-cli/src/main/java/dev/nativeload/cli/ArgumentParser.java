package dev.nativeload.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one subcommand's arguments by its {@link CommandSyntax}, in the GNU long-option way:
 * {@code --name VALUE} or {@code --name=VALUE}, options and positional arguments in any order,
 * {@code --} ending the options, a lone {@code -} a positional argument (standard input).
 * {@code -h}/{@code --help} and {@code -V}/{@code --version} are every command's.
 *
 * <p>No argument files: {@code @LIST} is a positional argument the commands read as a list of
 * names, one per line ({@link FileArguments}).
 */
final class ArgumentParser {
    private ArgumentParser() {
    }

    /** What a command line asks for. */
    sealed interface Request permits Run, Help, Version {
    }

    /** @param arguments the command's arguments, ready to run it with */
    record Run(Arguments arguments) implements Request {
    }

    /** The command's help. */
    record Help() implements Request {
    }

    /** The version. */
    record Version() implements Request {
    }

    /**
     * {@return what the arguments ask the command for}
     *
     * @param syntax    what the command accepts
     * @param arguments the arguments after the command's name
     * @throws UsageException if they do not fit the syntax
     */
    static Request parse(CommandSyntax syntax, List<String> arguments) {
        Map<OptionSpec, List<String>> values = new LinkedHashMap<>();
        List<String> positionals = new ArrayList<>();
        boolean optionsEnded = false;
        for (int i = 0; i < arguments.size(); i++) {
            String argument = arguments.get(i);
            if (optionsEnded || argument.equals("-") || !argument.startsWith("-")) {
                positionals.add(argument);
                continue;
            }
            switch (argument) {
                case "--" -> {
                    optionsEnded = true;
                    continue;
                }
                case "-h", "--help" -> {
                    return new Help();
                }
                case "-V", "--version" -> {
                    return new Version();
                }
                default -> {
                }
            }
            int equals = argument.indexOf('=');
            String name = equals < 0 ? argument : argument.substring(0, equals);
            OptionSpec option = syntax.option(name);
            if (option == null) {
                throw new UsageException("Unknown option: '" + name + "'");
            }
            String value;
            if (!option.takesValue()) {
                if (equals >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                value = null;
            } else if (equals >= 0) {
                value = argument.substring(equals + 1);
            } else if (i + 1 < arguments.size()) {
                value = arguments.get(++i);
            } else {
                throw new UsageException(name + " needs a value: " + name + " " + option.label());
            }
            List<String> given = values.get(option);
            if (given != null && !option.repeatable()) {
                throw new UsageException(name + " is given more than once");
            }
            if (given == null) {
                given = new ArrayList<>();
                values.put(option, given);
            }
            if (value != null) {
                given.add(value);
            }
        }
        return new Run(new Arguments(values, checked(syntax, values, positionals)));
    }

    private static List<String> checked(CommandSyntax syntax, Map<OptionSpec, List<String>> values, List<String> positionals) {
        for (OptionSpec option : syntax.options()) {
            if (option.required() && !values.containsKey(option)) {
                throw new UsageException("Missing required option: '" + option.name() + " " + option.label() + "'");
            }
        }
        PositionalSpec spec = syntax.positionals();
        if (positionals.size() < spec.min()) {
            throw new UsageException("Missing required parameter: '" + spec.label() + "'");
        }
        if (positionals.size() > spec.max()) {
            throw new UsageException("Unexpected argument: '" + positionals.get(spec.max()) + "' (" + syntax.name()
                    + " takes at most " + (spec.max() == 1 ? "one" : String.valueOf(spec.max())) + " " + spec.label() + ")");
        }
        if (positionals.isEmpty() && spec.defaultValue() != null) {
            return List.of(spec.defaultValue());
        }
        return positionals;
    }
}
