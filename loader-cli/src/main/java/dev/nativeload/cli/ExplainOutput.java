package dev.nativeload.cli;

import java.util.Optional;

/** How {@code explain} prints one failure: a JSON object on one line, or a block of text for a person. */
final class ExplainOutput {
    private ExplainOutput() {
    }

    /** {@return the failure as one compact JSON object, the optional fields only where they apply} @param f the failure */
    static String json(ExplainedFailure f) {
        JsonWriter w = new JsonWriter().beginObject()
                .name("line").value(f.line())
                .name("library").value(f.library())
                .name("kind").value(f.kind().name())
                .name("cause").value(f.cause())
                .name("hint").value(f.hint());
        optional(w, "dependency", f.dependency());
        optional(w, "neededBy", f.neededBy());
        optional(w, "symbol", f.symbol());
        optional(w, "version", f.version());
        return w.endObject().toJson();
    }

    private static void optional(JsonWriter w, String name, Optional<String> value) {
        value.ifPresent(v -> w.name(name).value(v));
    }

    /** {@return the failure as a few lines of text, ending with a blank line} @param f the failure */
    static String text(ExplainedFailure f) {
        StringBuilder sb = new StringBuilder();
        sb.append("line ").append(f.line()).append(": ").append(f.library()).append(" did not load (").append(f.kind()).append(")\n");
        sb.append("  cause: ").append(f.cause()).append('\n');
        f.dependency().ifPresent(d -> sb.append("  dependency: ").append(d)
                .append(f.neededBy().map(n -> ", needed by " + n).orElse("")).append('\n'));
        f.symbol().ifPresent(s -> sb.append("  symbol: ").append(s).append('\n'));
        f.version().ifPresent(v -> sb.append("  version: ").append(v).append('\n'));
        sb.append("  hint: ").append(f.hint()).append("\n\n");
        return sb.toString();
    }
}
