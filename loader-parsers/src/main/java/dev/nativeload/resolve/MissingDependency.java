package dev.nativeload.resolve;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The first dependency a loader would fail to find, with the chain of objects that lead to it:
 * {@code app → libfoo.so → libbar.so.7}. "First" is in load order (breadth-first), the one glibc
 * reports. Only what the program needs to start counts: not weak dependencies (Mach-O), nor PE
 * delay-load imports and what only they bring in (a missing one is a {@link DependencyNode#delayLoad()}
 * node of the tree, which fails on the first call into it).
 *
 * @param chain the nodes from the root to the missing one; the last is the missing one
 */
public record MissingDependency(List<DependencyNode> chain) {
    /** Keeps an unmodifiable copy of the chain and rejects one shorter than the root and the missing node. */
    public MissingDependency {
        chain = List.copyOf(chain);
        if (chain.size() < 2) {
            throw new IllegalArgumentException("a chain names the root and the missing dependency");
        }
    }

    /** {@return the missing dependency's node} */
    public DependencyNode missing() {
        return chain.get(chain.size() - 1);
    }

    /** {@return the object that needs it} */
    public DependencyNode neededBy() {
        return chain.get(chain.size() - 2);
    }

    /** {@return the chain as {@code app → libfoo.so → libbar.so.7}, the root by its path, the rest by requested name} */
    public String describe() {
        return chain.stream().map(DependencyNode::name).collect(Collectors.joining(" → "));
    }

    /**
     * {@return the first missing dependency of a tree, in breadth-first order, that stops the program from starting}
     *
     * @param root a resolved tree
     */
    public static Optional<MissingDependency> first(DependencyNode root) {
        Objects.requireNonNull(root, "root");
        ArrayDeque<List<DependencyNode>> queue = new ArrayDeque<>();
        queue.add(List.of(root));
        while (!queue.isEmpty()) {
            List<DependencyNode> path = queue.poll();
            DependencyNode last = path.get(path.size() - 1);
            for (DependencyNode child : last.children()) {
                if (child.delayLoad()) {
                    continue;
                }
                List<DependencyNode> next = new ArrayList<>(path);
                next.add(child);
                boolean weak = child.weak();
                if (!child.found() && !weak) {
                    return Optional.of(new MissingDependency(next));
                }
                queue.add(next);
            }
        }
        return Optional.empty();
    }
}
