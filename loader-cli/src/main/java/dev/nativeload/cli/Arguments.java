package dev.nativeload.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One command line as {@link ArgumentParser} read it: the values of the options given and the
 * positional arguments, asked for with the command's own {@link OptionSpec}s.
 */
final class Arguments {
    private final Map<OptionSpec, List<String>> values;
    private final List<String> positionals;

    /**
     * @param values      every option given, with its values in command-line order (a flag has none)
     * @param positionals the positional arguments in order
     */
    Arguments(Map<OptionSpec, List<String>> values, List<String> positionals) {
        this.values = Map.copyOf(values);
        this.positionals = List.copyOf(positionals);
    }

    /** {@return whether the flag was given} */
    boolean flag(OptionSpec option) {
        return values.containsKey(option);
    }

    /** {@return the option's value, its default when not given, or null when it has none} */
    String value(OptionSpec option) {
        List<String> given = values.get(option);
        return given == null ? option.defaultValue() : given.getLast();
    }

    /** {@return every value of a repeatable option, in order; empty when not given} */
    List<String> values(OptionSpec option) {
        return values.getOrDefault(option, List.of());
    }

    /**
     * {@return the option's value as a whole number, null when neither given nor defaulted}
     *
     * @throws UsageException if it is not one
     */
    Long longValue(OptionSpec option) {
        String value = value(option);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(option.name() + ": '" + value + "' is not a whole number", e);
        }
    }

    /**
     * {@return the option's value as a path, null when not given}
     *
     * @throws UsageException if it names no valid path
     */
    Path pathValue(OptionSpec option) {
        String value = value(option);
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option.name() + ": invalid path '" + value + "': " + e.getReason(), e);
        }
    }

    /**
     * {@return the {@code NAME=VALUE} values of a repeatable option, by name in order (a later one replaces an earlier)}
     *
     * @throws UsageException if a value has no {@code =} or an empty name
     */
    Map<String, String> keyValues(OptionSpec option) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String value : values(option)) {
            int equals = value.indexOf('=');
            if (equals <= 0) {
                throw new UsageException(option.name() + ": '" + value + "' is not " + option.label());
            }
            map.put(value.substring(0, equals), value.substring(equals + 1));
        }
        return map;
    }

    /** {@return the positional arguments, or the one default when none was given and there is one} */
    List<String> positionals() {
        return positionals;
    }
}
