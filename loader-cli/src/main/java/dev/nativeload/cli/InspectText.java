package dev.nativeload.cli;

import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.VersionNeed;
import java.util.List;

/**
 * The human rendering of {@code inspect}: the file name, then one labelled line per fact;
 * list facts continue on lines of their own under the first, and each slice of a fat file is
 * indented under a {@code slice N of M} heading. An absent value prints as {@code -}.
 *
 * <p>Names come from untrusted files, so control characters (C0, DEL, C1) print as {@code \xNN}
 * rather than reach the terminal; {@code --json} gives the exact strings.
 */
final class InspectText {
    private static final int LABEL_WIDTH = 14;

    private InspectText() {
    }

    /**
     * Renders a file that was read.
     *
     * @param read the result
     * @return the text, one or more lines each ending in a newline
     */
    static String render(InspectResult.Read read) {
        StringBuilder sb = new StringBuilder();
        sb.append(printable(read.path())).append('\n');
        if (read.isFat()) {
            line(sb, "  ", "format", read.format().name());
            int n = read.images().size();
            for (int i = 0; i < n; i++) {
                sb.append("  slice ").append(i + 1).append(" of ").append(n).append('\n');
                summary(sb, "    ", read.images().get(i));
            }
        } else {
            summary(sb, "  ", read.images().getFirst());
        }
        return sb.toString();
    }

    /**
     * Renders a file that could not be read, as one line for the error stream.
     *
     * @param failed the result
     * @return the line, ending in a newline
     */
    static String render(InspectResult.Failed failed) {
        String where = failed.offset().isPresent() ? " at offset 0x" + Long.toHexString(failed.offset().getAsLong()) : "";
        return printable(failed.path()) + ": " + failed.kind().name() + ": " + printable(failed.message()) + where + '\n';
    }

    private static void summary(StringBuilder sb, String indent, BinarySummary s) {
        line(sb, indent, "format", s.format().name());
        line(sb, indent, "arch", s.architecture().name());
        line(sb, indent, "bits", Integer.toString(s.bits()));
        line(sb, indent, "endian", InspectJson.endian(s.byteOrder()));
        line(sb, indent, "type", s.fileType());
        line(sb, indent, "os", s.os().name());
        line(sb, indent, "libc", s.libc().name());
        line(sb, indent, "soname", s.soname().orElse("-"));
        lines(sb, indent, "needed", s.needed());
        lines(sb, indent, "rpath", s.rpath());
        lines(sb, indent, "runpath", s.runpath());
        line(sb, indent, "interpreter", s.interpreter().orElse("-"));
        lines(sb, indent, "delay imports", s.delayImports());
        lines(sb, indent, "version needs", s.versionNeeds().stream().map(InspectText::versionNeed).toList());
    }

    private static String versionNeed(VersionNeed need) {
        return need.file() + " (" + String.join(", ", need.versions()) + ")";
    }

    private static void lines(StringBuilder sb, String indent, String label, List<String> values) {
        if (values.isEmpty()) {
            line(sb, indent, label, "-");
            return;
        }
        line(sb, indent, label, values.getFirst());
        for (String value : values.subList(1, values.size())) {
            line(sb, indent, "", value);
        }
    }

    private static void line(StringBuilder sb, String indent, String label, String value) {
        sb.append(indent).append(label);
        sb.repeat(' ', Math.max(1, LABEL_WIDTH - label.length()));
        sb.append(printable(value)).append('\n');
    }

    /**
     * {@return the text with each control character replaced by {@code \xNN}}
     *
     * @param text a name or message, possibly read from a hostile file
     */
    static String printable(String text) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = c < 0x20 || (c >= 0x7F && c <= 0x9F);
            if (control && sb == null) {
                sb = new StringBuilder(text.length() + 8).append(text, 0, i);
            }
            if (sb != null) {
                if (control) {
                    sb.append(String.format("\\x%02X", (int) c));
                } else {
                    sb.append(c);
                }
            }
        }
        return sb == null ? text : sb.toString();
    }
}
