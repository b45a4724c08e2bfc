package dev.nativeload.cli;

/**
 * The positional arguments of a command.
 *
 * @param label        what each stands for ({@code FILE})
 * @param min          how many must be given
 * @param max          how many may be given ({@link Integer#MAX_VALUE}: no limit)
 * @param description  the help text
 * @param defaultValue the one value when none is given, or null for none
 */
record PositionalSpec(String label, int min, int max, String description, String defaultValue) {

    /** {@return one or more arguments} */
    static PositionalSpec oneOrMore(String label, String description) {
        return new PositionalSpec(label, 1, Integer.MAX_VALUE, description, null);
    }

    /** {@return exactly one argument} */
    static PositionalSpec one(String label, String description) {
        return new PositionalSpec(label, 1, 1, description, null);
    }

    /** {@return at most one argument, the default when none is given} */
    static PositionalSpec optional(String label, String description, String defaultValue) {
        return new PositionalSpec(label, 0, 1, description, defaultValue);
    }
}
