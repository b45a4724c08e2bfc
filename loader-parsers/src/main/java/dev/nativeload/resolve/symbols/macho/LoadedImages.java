package dev.nativeload.resolve.symbols.macho;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.Binaries;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.macho.MachOFile;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.How;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The images of a resolved Mach-O tree in dyld's load order (breadth first), each with the nodes its
 * dependency commands resolved to, so a library ordinal names the image it means.
 *
 * @param order      the images read, the root first
 * @param byPath     the same, by path
 * @param unreadable the paths found but not read (the dyld shared cache's, a broken file), and why
 */
record LoadedImages(List<Image> order, Map<String, Image> byPath, Map<String, String> unreadable) {
    /**
     * One image.
     *
     * @param path         its path as the tree gives it
     * @param image        the slice dyld maps
     * @param dependencies its dependency nodes, in load-command order: ordinal {@code n} is element {@code n - 1}
     */
    record Image(String path, MachOFile image, List<DependencyNode> dependencies) {
    }

    /** A file read: its slice for the architecture, or why there is none. */
    record Opened(Optional<MachOFile> image, String problem) {
    }

    /** Reads (and caches) a file's slice for the architecture. */
    static final class Reader {
        private final Path currentDir;
        private final Architecture arch;
        private final Map<Path, Opened> cache = new HashMap<>();

        Reader(Path currentDir, Architecture arch) {
            this.currentDir = currentDir;
            this.arch = arch;
        }

        Opened read(String path) {
            Path file;
            try {
                file = currentDir.resolve(path).toAbsolutePath().normalize();
            } catch (InvalidPathException e) {
                return new Opened(Optional.empty(), "invalid path");
            }
            return cache.computeIfAbsent(file, this::load);
        }

        private Opened load(Path file) {
            try {
                NativeBinary binary = Binaries.read(BinaryData.map(file));
                Optional<MachOFile> slice = binary.images().stream().filter(i -> i instanceof MachOFile)
                        .filter(i -> i.summary().architecture().equals(arch)).map(i -> (MachOFile) i).findFirst();
                return new Opened(slice, "no Mach-O " + arch + " image");
            } catch (IOException e) {
                return new Opened(Optional.empty(), "cannot read: " + e.getMessage());
            } catch (MalformedBinaryException | NotABinaryException e) {
                return new Opened(Optional.empty(), e.getMessage());
            }
        }
    }

    static LoadedImages of(DependencyNode root, Reader reader) {
        List<Image> order = new ArrayList<>();
        Map<String, Image> byPath = new HashMap<>();
        Map<String, String> unreadable = new HashMap<>();
        for (DependencyNode n : root.breadthFirst()) {
            if (!n.found() || n.path().isEmpty() || n.how().is(How.ALREADY_LOADED)) {
                continue;
            }
            String path = n.path().get();
            if (byPath.containsKey(path) || unreadable.containsKey(path)) {
                continue;
            }
            if (n.how().is(How.SHARED_CACHE)) {
                unreadable.put(path, "in the dyld shared cache, not on this machine");
                continue;
            }
            Opened opened = reader.read(path);
            if (opened.image().isPresent()) {
                Image e = new Image(path, opened.image().get(), n.children());
                order.add(e);
                byPath.put(path, e);
            } else {
                unreadable.put(path, opened.problem());
            }
        }
        return new LoadedImages(List.copyOf(order), Map.copyOf(byPath), Map.copyOf(unreadable));
    }
}
