package dev.nativeload.cli;

import java.util.ArrayList;
import java.util.List;

/** The help text of a command, from its {@link CommandSyntax}: synopsis, description, arguments, options, exit statuses. */
final class UsageText {
    /** The width text is wrapped to. */
    private static final int WIDTH = 80;
    /** The widest left column; a longer label puts its description on the next line. */
    private static final int MAX_LEFT = 26;

    private static final List<String[]> STANDARD_OPTIONS = List.of(
            new String[] {"-h, --help", "Show this help message and exit."},
            new String[] {"-V, --version", "Print version information and exit."});

    private UsageText() {
    }

    /**
     * {@return the help of one subcommand}
     *
     * @param program the program's name ({@code nativeload})
     * @param syntax  the subcommand's syntax
     */
    static String of(String program, CommandSyntax syntax) {
        StringBuilder text = new StringBuilder("Usage: ").append(program).append(' ').append(syntax.name()).append(" [-hV]");
        for (OptionSpec option : syntax.options()) {
            String shown = option.takesValue() ? option.name() + "=" + option.label() : option.name();
            text.append(' ').append(option.required() ? shown : "[" + shown + "]").append(option.repeatable() ? "..." : "");
        }
        text.append(' ').append(synopsis(syntax.positionals())).append('\n');
        for (String paragraph : syntax.description()) {
            wrap(text, paragraph, 0, WIDTH);
        }
        List<String[]> rows = new ArrayList<>();
        PositionalSpec positionals = syntax.positionals();
        rows.add(new String[] {"    " + positionals.label() + (positionals.max() > 1 ? "..." : ""),
            positionals.description()});
        for (OptionSpec option : syntax.options()) {
            String description = option.defaultValue() == null
                    ? option.description() : option.description() + " Default: " + option.defaultValue() + ".";
            rows.add(new String[] {"    " + option.name() + (option.takesValue() ? "=" + option.label() : ""), description});
        }
        rows.addAll(STANDARD_OPTIONS);
        table(text, rows);
        if (!syntax.exitCodes().isEmpty()) {
            text.append("\nExit status:\n");
            List<String[]> codes = new ArrayList<>();
            for (String code : syntax.exitCodes()) {
                int colon = code.indexOf(':');
                codes.add(new String[] {code.substring(0, colon), code.substring(colon + 1)});
            }
            table(text, codes);
        }
        return text.toString();
    }

    /**
     * {@return the help of the program itself: its options and its commands}
     *
     * @param program     the program's name
     * @param description what it does
     * @param commands    each command's name and one-line summary, in the order to list them
     */
    static String ofProgram(String program, String description, List<String[]> commands) {
        StringBuilder text = new StringBuilder("Usage: ").append(program).append(" [-hV] COMMAND\n");
        wrap(text, description, 0, WIDTH);
        table(text, STANDARD_OPTIONS);
        text.append("Commands:\n");
        table(text, commands);
        return text.toString();
    }

    /** {@return the first clause of a paragraph (up to its first ". " or ": "), the summary a command list shows} */
    static String summary(String paragraph) {
        int end = paragraph.length();
        for (String stop : new String[] {". ", ": "}) {
            int at = paragraph.indexOf(stop);
            if (at >= 0 && at < end) {
                end = at;
            }
        }
        return end == paragraph.length() ? paragraph : paragraph.substring(0, end) + ".";
    }

    /** {@return the first line of a help text, its synopsis} */
    static String synopsis(String usage) {
        int end = usage.indexOf('\n');
        return end < 0 ? usage : usage.substring(0, end);
    }

    private static String synopsis(PositionalSpec positionals) {
        String label = positionals.label() + (positionals.max() > 1 ? "..." : "");
        return positionals.min() == 0 ? "[" + label + "]" : label;
    }

    /** Two columns, indented by two: each left cell, then its description wrapped beside it. */
    private static void table(StringBuilder text, List<String[]> rows) {
        int left = 0;
        for (String[] row : rows) {
            left = Math.max(left, Math.min(row[0].length(), MAX_LEFT));
        }
        int column = 2 + left + 2;
        for (String[] row : rows) {
            text.append("  ").append(row[0]);
            if (row[0].length() > left) {
                text.append('\n').append(" ".repeat(column));
            } else {
                text.append(" ".repeat(column - 2 - row[0].length()));
            }
            wrap(text, row[1], column, WIDTH - column);
        }
    }

    /** Appends the words of a paragraph in lines of at most {@code width} characters, each after {@code indent} spaces but the first. */
    private static void wrap(StringBuilder text, String paragraph, int indent, int width) {
        int line = 0;
        for (String word : paragraph.split(" ")) {
            if (word.isEmpty()) {
                continue;
            }
            if (line > 0 && line + 1 + word.length() > width) {
                text.append('\n').append(" ".repeat(indent));
                line = 0;
            }
            if (line > 0) {
                text.append(' ');
                line++;
            }
            text.append(word);
            line += word.length();
        }
        text.append('\n');
    }
}
