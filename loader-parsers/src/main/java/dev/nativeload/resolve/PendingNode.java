package dev.nativeload.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A tree node while the breadth-first walk is still adding children to it. */
final class PendingNode {
    private final String name;
    private final Optional<String> path;
    private final How how;
    private final boolean delayLoad;
    private final List<Tried> tried;
    private Optional<String> note;
    private boolean weak;
    private final List<PendingNode> children = new ArrayList<>();

    PendingNode(String name, Optional<String> path, How how, List<Tried> tried, Optional<String> note) {
        this(name, path, how, false, tried, note);
    }

    PendingNode(String name, Optional<String> path, How how, boolean delayLoad, List<Tried> tried, Optional<String> note) {
        this.name = name;
        this.path = path;
        this.how = how;
        this.delayLoad = delayLoad;
        this.tried = List.copyOf(tried);
        this.note = note;
    }

    void add(PendingNode child) {
        children.add(child);
    }

    /** Marks a dependency the loader goes on without. */
    void weak() {
        weak = true;
        note("weak dependency: the loader goes on without it");
    }

    void note(String text) {
        note = Optional.of(note.map(n -> n + "; " + text).orElse(text));
    }

    DependencyNode freeze() {
        List<DependencyNode> frozen = new ArrayList<>(children.size());
        for (PendingNode c : children) {
            frozen.add(c.freeze());
        }
        return new DependencyNode(name, path, how, delayLoad, weak, tried, note, frozen);
    }
}
