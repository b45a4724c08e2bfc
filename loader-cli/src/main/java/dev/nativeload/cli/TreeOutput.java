package dev.nativeload.cli;

import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.Tried;
import java.util.List;
import java.util.function.Consumer;

/** Renders a resolved dependency tree from {@code tree}: one JSON object per file, or an indented text tree. */
final class TreeOutput {
    private TreeOutput() {
    }

    /**
     * {@return the tree as one JSON object without a line break}: every node has {@code name}, {@code path}
     * (null when not found), {@code how}, {@code tried} (the paths rejected, in order) and {@code children},
     * plus {@code via} for an {@code @rpath} match, {@code note} where the resolver left one, and
     * {@code "delayLoad": true} for a PE delay-load import (the program starts without it).
     * The root's {@code path} and {@code name} are the argument as given.
     *
     * @param root the resolved root
     */
    static String json(DependencyNode root) {
        return json(root, w -> { });
    }

    /**
     * {@return the tree as one JSON object, as {@link #json(DependencyNode)}, with more fields at its top level}
     *
     * @param root  the resolved root
     * @param extra writes further name/value pairs into the root object, after {@code children}
     */
    static String json(DependencyNode root, Consumer<JsonWriter> extra) {
        JsonWriter w = new JsonWriter();
        node(w, root, extra);
        return w.toJson();
    }

    private static void node(JsonWriter w, DependencyNode n) {
        node(w, n, x -> { });
    }

    private static void node(JsonWriter w, DependencyNode n, Consumer<JsonWriter> extra) {
        w.beginObject();
        w.name("name").value(n.name());
        w.name("path").value(n.path().orElse(null));
        w.name("how").value(n.how().step().name());
        n.how().via().ifPresent(v -> w.name("via").value(v));
        n.note().ifPresent(v -> w.name("note").value(v));
        if (n.delayLoad()) {
            w.name("delayLoad").value(true);
        }
        w.name("tried").stringArray(n.tried().stream().map(Tried::path).toList());
        w.name("children").beginArray();
        for (DependencyNode c : n.children()) {
            node(w, c);
        }
        w.endArray();
        extra.accept(w);
        w.endObject();
    }

    /**
     * {@return the tree as text, one line per node, ending in a line break}: {@code name => path [HOW]}
     * ({@code [HOW, delay-load]} for a PE delay-load import), or {@code name not found} followed by
     * every place tried with its reason.
     *
     * @param root the resolved root
     */
    static String text(DependencyNode root) {
        StringBuilder s = new StringBuilder();
        s.append(root.name()).append(" [").append(root.how()).append(']').append('\n');
        root.note().ifPresent(n -> s.append("    (").append(n).append(")\n"));
        children(s, root.children(), "");
        return s.toString();
    }

    private static void children(StringBuilder s, List<DependencyNode> nodes, String prefix) {
        for (int i = 0; i < nodes.size(); i++) {
            DependencyNode n = nodes.get(i);
            boolean last = i == nodes.size() - 1;
            String detail = prefix + (last ? "    " : "│   ");
            s.append(prefix).append(last ? "└── " : "├── ").append(n.name());
            if (n.found()) {
                s.append(n.path().map(p -> p.equals(n.name()) ? "" : " => " + p).orElse(""))
                        .append(" [").append(n.how()).append(n.delayLoad() ? ", delay-load" : "").append(']');
            } else {
                s.append(" not found");
            }
            s.append('\n');
            n.note().ifPresent(note -> s.append(detail).append("  (").append(note).append(")\n"));
            if (!n.found()) {
                for (Tried t : n.tried()) {
                    s.append(detail).append("  tried ").append(t).append('\n');
                }
            }
            children(s, n.children(), detail);
        }
    }

    /**
     * {@return whether every node of the tree was found}
     *
     * @param root the resolved root
     */
    static boolean allFound(DependencyNode root) {
        return root.found() && root.children().stream().allMatch(TreeOutput::allFound);
    }
}
