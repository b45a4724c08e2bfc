package dev.nativeload.resolve.symbols.macho;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.macho.DylibKind;
import dev.nativeload.binary.macho.MachOExport;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.resolve.DependencyNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * dyld's export lookups over one tree's images.
 * <ul>
 * <li>In one library (two-level namespace): its export trie; a re-export entry leads to the library
 *     its ordinal names, under the entry's import name; a name not in the trie is looked up in each
 *     {@code LC_REEXPORT_DYLIB} library in load-command order, recursively.</li>
 * <li>Flat: the same in every image, in load order; the first that exports the name wins.</li>
 * </ul>
 * A lookup that meets an image it could not read (the dyld shared cache's libSystem, say) and finds
 * the name nowhere else cannot say the name is missing: its answer is {@link Answer#UNKNOWN}.
 */
final class ExportLookup {
    /** What a lookup found. */
    enum Answer {
        /** Some image exports it. */
        FOUND,
        /** No image that could define it does. */
        ABSENT,
        /** Not found in what was read, but an unread image might define it. */
        UNKNOWN
    }

    /**
     * A lookup's answer.
     *
     * @param answer    found, absent or unknown
     * @param definedIn the path of the image that exports it, when found
     * @param unread    when unknown, the paths of the images not read
     */
    record Result(Answer answer, Optional<String> definedIn, List<String> unread) {
        static final Result ABSENT = new Result(Answer.ABSENT, Optional.empty(), List.of());
    }

    /** Where a library ordinal leads. */
    sealed interface Target {
    }

    /** @param image the library, read */
    record Loaded(LoadedImages.Image image) implements Target {
    }

    /** @param path the library's path, found but not read @param why why not */
    record Unread(String path, String why) implements Target {
    }

    /** @param name the install name dyld did not find @param weak whether the dependency is weak-linked */
    record NotFound(String name, boolean weak) implements Target {
    }

    /** @param ordinal an ordinal past the image's dependency commands */
    record BadOrdinal(int ordinal) implements Target {
    }

    private final LoadedImages images;
    private final Map<MachOFile, Map<String, MachOExport>> exports = new IdentityHashMap<>();
    private final List<String> notes;

    ExportLookup(LoadedImages images, List<String> notes) {
        this.images = images;
        this.notes = notes;
    }

    /** {@return where ordinal {@code n} (1-based) of an image leads} */
    Target target(LoadedImages.Image from, int ordinal) {
        if (ordinal < 1 || ordinal > from.dependencies().size()) {
            return new BadOrdinal(ordinal);
        }
        DependencyNode node = from.dependencies().get(ordinal - 1);
        boolean weak = from.image().dependencies().size() >= ordinal
                && from.image().dependencies().get(ordinal - 1).kind() == DylibKind.WEAK;
        if (!node.found() || node.path().isEmpty()) {
            return new NotFound(node.name(), weak || node.weak());
        }
        String path = node.path().get();
        LoadedImages.Image image = images.byPath().get(path);
        if (image != null) {
            return new Loaded(image);
        }
        return new Unread(path, images.unreadable().getOrDefault(path, "not read"));
    }

    /** {@return the two-level lookup of a name in one library and what it re-exports} */
    Result inLibrary(LoadedImages.Image library, String name) {
        return inLibrary(library, name, new HashSet<>());
    }

    private Result inLibrary(LoadedImages.Image library, String name, Set<String> seen) {
        if (!seen.add(library.path() + "\0" + name)) {
            return Result.ABSENT;
        }
        Optional<Map<String, MachOExport>> table = table(library);
        if (table.isEmpty()) {
            return new Result(Answer.UNKNOWN, Optional.empty(), List.of(library.path()));
        }
        MachOExport export = table.get().get(name);
        if (export != null) {
            if (export.reexport().isEmpty()) {
                return new Result(Answer.FOUND, Optional.of(library.path()), List.of());
            }
            MachOExport.ReExport r = export.reexport().get();
            return via(target(library, r.libraryOrdinal()), r.importName(), seen);
        }
        List<String> unread = new ArrayList<>();
        List<DependencyNode> deps = library.dependencies();
        for (int i = 0; i < library.image().dependencies().size() && i < deps.size(); i++) {
            if (library.image().dependencies().get(i).kind() != DylibKind.REEXPORT) {
                continue;
            }
            Result r = via(target(library, i + 1), name, seen);
            if (r.answer() == Answer.FOUND) {
                return r;
            }
            unread.addAll(r.unread());
        }
        return unread.isEmpty() ? Result.ABSENT : new Result(Answer.UNKNOWN, Optional.empty(), List.copyOf(unread));
    }

    /** {@return the lookup through an ordinal's target} */
    Result via(Target target, String name, Set<String> seen) {
        return switch (target) {
            case Loaded l -> inLibrary(l.image(), name, seen);
            case Unread u -> new Result(Answer.UNKNOWN, Optional.empty(), List.of(u.path()));
            case NotFound n -> Result.ABSENT;
            case BadOrdinal b -> Result.ABSENT;
        };
    }

    /** {@return the flat lookup: every image in load order; unknown if absent from all read and some were not read} */
    Result flat(String name) {
        List<String> unread = new ArrayList<>(images.unreadable().keySet().stream().sorted().toList());
        for (LoadedImages.Image image : images.order()) {
            Result r = inLibrary(image, name, new HashSet<>());
            if (r.answer() == Answer.FOUND) {
                return r;
            }
            unread.addAll(r.unread());
        }
        return unread.isEmpty() ? Result.ABSENT
                : new Result(Answer.UNKNOWN, Optional.empty(), List.copyOf(new java.util.LinkedHashSet<>(unread)));
    }

    private Optional<Map<String, MachOExport>> table(LoadedImages.Image library) {
        if (exports.containsKey(library.image())) {
            return Optional.ofNullable(exports.get(library.image()));
        }
        Map<String, MachOExport> table = null;
        try {
            table = new HashMap<>();
            for (MachOExport e : library.image().exports()) {
                table.putIfAbsent(e.name(), e);
            }
        } catch (MalformedBinaryException e) {
            notes.add(library.path() + ": exports not read: " + e.getMessage());
            table = null;
        }
        exports.put(library.image(), table);
        return Optional.ofNullable(table);
    }
}
