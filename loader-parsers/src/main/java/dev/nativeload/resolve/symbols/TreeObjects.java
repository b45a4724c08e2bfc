package dev.nativeload.resolve.symbols;

import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.How;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The objects of a resolved tree in the loader's load order (breadth first: the order of its
 * global lookup scope), each under every name the version check may look it up by.
 *
 * @param order  the loaded objects, the root first
 * @param byName each object under its requested names, its soname and its path
 * @param notes  objects left out, and why
 */
record TreeObjects(List<Entry> order, Map<String, Entry> byName, List<String> notes) {
    /**
     * One loaded object.
     *
     * @param path          its path as the tree gives it
     * @param object        the object
     * @param dynamicLoader whether it is glibc's {@code ld.so}, which {@code ld.so} does not relocate again
     */
    record Entry(String path, LoadedElf object, boolean dynamicLoader) {
    }

    /** Opens an object by its path in the tree; empty (with a note added) when it cannot be read as ELF. */
    @FunctionalInterface
    interface Opener {
        Optional<LoadedElf> open(String path, List<String> notes);
    }

    static TreeObjects of(DependencyNode root, Opener opener) {
        List<Entry> order = new ArrayList<>();
        Map<String, Entry> byName = new HashMap<>();
        Map<String, Entry> byPath = new HashMap<>();
        List<String> notes = new ArrayList<>();
        List<DependencyNode> aliases = new ArrayList<>();
        for (DependencyNode n : root.breadthFirst()) {
            if (!n.found() || n.path().isEmpty()) {
                continue;
            }
            String path = n.path().get();
            if (n.how().is(How.ALREADY_LOADED) && byPath.containsKey(path)) {
                aliases.add(n);
                continue;
            }
            // An object loaded before the walk (the program interpreter, LD_PRELOAD) joins the scope where it is first needed.
            Optional<LoadedElf> object = opener.open(path, notes);
            if (object.isEmpty()) {
                continue;
            }
            Optional<String> soname = object.get().elf().soname();
            // The running ld.so is the loader's own map, not relocated again; a root that is an ld.so file
            // (ldd on ld.so itself) is a separate map, loaded and relocated as the program.
            boolean loader = n != root && soname.filter(DynamicLoaders::isGlibcLoader).isPresent();
            Entry e = new Entry(path, object.get(), loader);
            order.add(e);
            byPath.put(path, e);
            byName.putIfAbsent(path, e);
            byName.putIfAbsent(n.name(), e);
            soname.ifPresent(s -> byName.putIfAbsent(s, e));
        }
        for (DependencyNode n : aliases) {
            Entry e = byPath.get(n.path().get());
            if (e != null) {
                byName.putIfAbsent(n.name(), e);
            }
        }
        return new TreeObjects(List.copyOf(order), Map.copyOf(byName), List.copyOf(notes));
    }
}
