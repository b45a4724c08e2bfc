package dev.nativeload.resolve.symbols.pe;

import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.How;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The images a tree loads, in load order (breadth first), each once, and every loaded DLL under
 * the names the loader finds a loaded module by: the name it was imported under and its file name,
 * without case. A forwarder's DLL is looked for here first, as the loader looks among the loaded
 * modules before it searches.
 *
 * @param images the images whose imports are bound: each file where the tree first loaded it
 * @param byName every loaded DLL under its lower-case names
 */
record LoadedDlls(List<Image> images, Map<String, DllTargets.Module> byName) {
    /**
     * An image and the node the tree loaded it at (the one whose children are its imports).
     *
     * @param node   the node
     * @param module the image
     */
    record Image(DependencyNode node, DllTargets.Module module) {
    }

    static LoadedDlls of(DependencyNode root, DllTargets targets, List<String> notes) {
        List<Image> images = new ArrayList<>();
        Map<String, DllTargets.Module> byName = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (DependencyNode n : root.breadthFirst()) {
            if (!n.found() || n.path().isEmpty() || n.how().is(How.API_SET)) {
                continue;
            }
            String path = n.path().get();
            Optional<DllTargets.Module> module = targets.open(path);
            if (module.isEmpty()) {
                if (seen.add(path)) {
                    notes.add(path + ": not bound: " + targets.problem(path));
                }
                continue;
            }
            byName.putIfAbsent(DllTargets.key(n.name()), module.get());
            byName.putIfAbsent(DllTargets.key(module.get().fileName()), module.get());
            if (!n.how().is(How.ALREADY_LOADED) && seen.add(path)) {
                images.add(new Image(n, module.get()));
            }
        }
        return new LoadedDlls(List.copyOf(images), Map.copyOf(byName));
    }
}
