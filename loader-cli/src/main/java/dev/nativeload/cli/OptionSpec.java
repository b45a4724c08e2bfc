package dev.nativeload.cli;

/**
 * One option of a command, declared once: the parser reads it, the usage text shows it, and the
 * command asks {@link Arguments} for its value with it.
 *
 * @param name         the long name, with its dashes ({@code --json})
 * @param label        what the value stands for ({@code PLATFORM}), or null for a flag that takes none
 * @param description  the help text
 * @param defaultValue the value when the option is not given, or null for none
 * @param required     whether the command cannot run without it
 * @param repeatable   whether it may be given more than once, each value kept
 */
record OptionSpec(String name, String label, String description, String defaultValue, boolean required, boolean repeatable) {

    /** {@return a flag: present or not, no value} */
    static OptionSpec flag(String name, String description) {
        return new OptionSpec(name, null, description, null, false, false);
    }

    /** {@return an option that takes one value, given at most once} */
    static OptionSpec value(String name, String label, String description) {
        return new OptionSpec(name, label, description, null, false, false);
    }

    /** {@return this option with a value used when it is not given} */
    OptionSpec withDefault(String value) {
        return new OptionSpec(name, label, description, value, required, repeatable);
    }

    /** {@return this option, required} */
    OptionSpec asRequired() {
        return new OptionSpec(name, label, description, defaultValue, true, repeatable);
    }

    /** {@return this option, repeatable} */
    OptionSpec asRepeatable() {
        return new OptionSpec(name, label, description, defaultValue, required, true);
    }

    /** {@return whether the option takes a value} */
    boolean takesValue() {
        return label != null;
    }
}
