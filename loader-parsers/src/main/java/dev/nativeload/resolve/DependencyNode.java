package dev.nativeload.resolve;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One node of a resolved dependency tree.
 *
 * <p>An object is expanded once, where the emulated loader first loaded it; every later
 * reference is a leaf with {@link How#ALREADY_LOADED} and the same path, so cycles and diamonds
 * end.
 *
 * @param name     the name as requested ({@code DT_NEEDED}, install name, import DLL name), or the
 *                 path as given for the root
 * @param path     where the loader would open it; empty when not found (or virtual, for API sets)
 * @param how      which search step produced the path, or {@link How#NOT_FOUND}
 * @param delayLoad true for a PE delay-load import: the loader loads it on the first call into it,
 *                 so the program starts without it (and without what only it brings in)
 * @param weak     true for a weak dependency (Mach-O {@code LC_LOAD_WEAK_DYLIB}) that was not found: the loader goes on without it
 * @param tried    every candidate rejected before the answer, in order, with the reason
 * @param note     a remark a person needs: "weak: may be missing", "assumed in the dyld shared cache",
 *                 "ld.so stops here: invalid ELF header", ...; empty when there is none
 * @param children the dependencies, in the order the object lists them
 */
public record DependencyNode(String name, Optional<String> path, How how, boolean delayLoad, boolean weak, List<Tried> tried,
                             Optional<String> note, List<DependencyNode> children) {
    /** Rejects null components and keeps unmodifiable copies of the lists. */
    public DependencyNode {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(note, "note");
        tried = List.copyOf(tried);
        children = List.copyOf(children);
    }

    /** {@return true when the loader would find this dependency (a path, a shared-cache or API-set name)} */
    public boolean found() {
        return !how.is(How.NOT_FOUND);
    }

    /**

     * {@return the first child with this requested name}

     *

     * @param requested the name as requested

     */
    public Optional<DependencyNode> child(String requested) {
        return children.stream().filter(c -> c.name.equals(requested)).findFirst();
    }

    /**
     * {@return this node and every node under it, breadth first}: the order in which the loaders load
     * a tree's objects (glibc's and musl's global scope, dyld's images, the Windows loader's modules),
     * nodes not found and already-loaded references included
     */
    public List<DependencyNode> breadthFirst() {
        List<DependencyNode> order = new ArrayList<>();
        order.add(this);
        for (int i = 0; i < order.size(); i++) {
            order.addAll(order.get(i).children);
        }
        return order;
    }
}
