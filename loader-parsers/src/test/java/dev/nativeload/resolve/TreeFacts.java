package dev.nativeload.resolve;

import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Reads a resolved tree the way ldd prints it: every object once, under its first requested name. */
final class TreeFacts {
    private TreeFacts() {
    }

    /** {@return requested name → path (empty when not found), breadth-first, already-loaded leaves left out} */
    static Map<String, Optional<String>> loaded(DependencyNode root) {
        Map<String, Optional<String>> out = new LinkedHashMap<>();
        ArrayDeque<DependencyNode> queue = new ArrayDeque<>(root.children());
        while (!queue.isEmpty()) {
            DependencyNode n = queue.poll();
            if (!n.how().is(How.ALREADY_LOADED)) {
                out.putIfAbsent(n.name(), n.path().filter(p -> n.found()));
            }
            queue.addAll(n.children());
        }
        return out;
    }

    /** {@return the first node with this requested name, breadth-first} */
    static DependencyNode node(DependencyNode root, String name) {
        ArrayDeque<DependencyNode> queue = new ArrayDeque<>(root.children());
        while (!queue.isEmpty()) {
            DependencyNode n = queue.poll();
            if (n.name().equals(name)) {
                return n;
            }
            queue.addAll(n.children());
        }
        throw new AssertionError("no node " + name + " in " + root);
    }
}
