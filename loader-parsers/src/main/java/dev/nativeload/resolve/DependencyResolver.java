package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.NotABinaryException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A safe {@code ldd}: resolves the dependency tree of a binary the way the host's loader would
 * (glibc {@code ld.so}, musl, dyld or the Windows loader, chosen by the kind of
 * {@link ResolveHost}), reading headers only. It never runs or maps anything executable.
 *
 * <p>Objects are loaded breadth-first, like the real loaders, so the already-loaded check and the
 * loader chain ({@code DT_RPATH} inheritance, the {@code LC_RPATH} stack) follow load order. Each
 * object is expanded once; later references are {@link How#ALREADY_LOADED} leaves. PE delay-load
 * imports load after everything the program needs at startup, in the order they are met, so a DLL
 * both delay-loaded and needed at startup is expanded where startup loads it; their nodes are
 * {@link DependencyNode#delayLoad()}, after the static imports of the same object.
 *
 * <p>One resolver caches every file and the {@code ld.so.cache} it reads, so resolving many roots
 * with one instance is cheap. Not thread-safe.
 */
public final class DependencyResolver {
    /** At most this many nodes in one tree; further dependencies are not expanded. */
    public static final int MAX_NODES = 20_000;
    /** Objects deeper than this are not expanded. */
    public static final int MAX_DEPTH = 64;

    private final ResolveHost host;
    private final ObjectFiles files = new ObjectFiles();
    private final SearchRules rules;
    private final int maxDepth;
    private final int maxNodes;

    /**
     * A resolver with the default limits on depth and node count.
     *
     * @param host the machine whose loader is emulated
     */
    public DependencyResolver(ResolveHost host) {
        this(host, MAX_DEPTH, MAX_NODES);
    }

    DependencyResolver(ResolveHost host, int maxDepth, int maxNodes) {
        this.host = Objects.requireNonNull(host, "host");
        this.maxDepth = maxDepth;
        this.maxNodes = maxNodes;
        this.rules = rulesFor(host, files);
    }

    // instanceof chains, not pattern switches, here and on every step of one tree: each pattern switch
    // spins a class at run time in every new JVM, outside the AOT cache, and one `nativeload tree` is one JVM.
    private static SearchRules rulesFor(ResolveHost host, ObjectFiles files) {
        if (host instanceof ResolveHost.Dyld dyld) {
            return new DyldSearch(dyld, files);
        }
        if (host instanceof ResolveHost.Windows windows) {
            return new WindowsSearch(windows, files);
        }
        if (host instanceof ResolveHost.Musl musl) {
            return new MuslSearch(musl, files);
        }
        return new GlibcSearch((ResolveHost.Glibc) host, files);
    }

    /** {@return the host this resolver emulates} */
    public ResolveHost host() {
        return host;
    }

    /**
     * Resolves the tree of one file.
     *
     * @param file the binary, as a path string (relative ones against {@link ResolveHost#currentDir()});
     *             the root node's name and path are this string
     * @return the root node ({@link How#INPUT})
     * @throws IOException              if the file cannot be read
     * @throws NotABinaryException      if it is not ELF, PE or Mach-O
     * @throws MalformedBinaryException if it is malformed
     */
    public DependencyNode resolve(String file) throws IOException, NotABinaryException, MalformedBinaryException {
        PendingNode rootNode = new PendingNode(file, Optional.of(file), How.INPUT, List.of(), Optional.empty());
        rootObject(file, rootNode).ifPresent(this::walk);
        return rootNode.freeze();
    }

    /**
     * Resolves one DLL the way the loader finds it when {@code file}'s process loads it later, as the
     * target of a PE export forwarder ({@code NTDLL.RtlFoo}): searched as if {@code file} imported it,
     * and expanded with everything it brings in. Nothing else of {@code file}'s tree is loaded, so
     * what the tree already holds must be looked for there first.
     *
     * @param file the tree's root, as given to {@link #resolve(String)}
     * @param name the DLL's name, as the forwarder or import names it
     * @return the root ({@link How#INPUT}, its own imports not expanded) with one child: {@code name}
     * @throws IOException              if the root cannot be read
     * @throws NotABinaryException      if it is not ELF, PE or Mach-O
     * @throws MalformedBinaryException if it is malformed
     */
    public DependencyNode resolveLoadedLater(String file, String name) throws IOException, NotABinaryException,
            MalformedBinaryException {
        Objects.requireNonNull(name, "name");
        PendingNode rootNode = new PendingNode(file, Optional.of(file), How.INPUT, List.of(), Optional.empty());
        Optional<LoadedObject> root = rootObject(file, rootNode);
        if (root.isPresent()) {
            Walk walk = new Walk();
            walk.register(root.get());
            walk.load(root.get(), new SearchRules.Request(name, false));
            walk.drain();
        }
        return rootNode.freeze();
    }

    /** {@return the root object to walk from, or empty with a note on its node when the host cannot load it} */
    private Optional<LoadedObject> rootObject(String file, PendingNode rootNode) throws IOException, NotABinaryException,
            MalformedBinaryException {
        ObjectFiles.Probe probe = files.probe(LoaderPaths.resolve(file, host.currentDir()));
        if (probe instanceof ObjectFiles.Absent a) {
            throw new NoSuchFileException(file, null, a.reason());
        }
        if (probe instanceof ObjectFiles.Unusable u) {
            throw new NotABinaryException(NotABinaryException.Reason.NOT_A_FILE, file + ": " + u.reason());
        }
        NativeBinary binary = ((ObjectFiles.Present) probe).binary();
        Object key = ((ObjectFiles.Present) probe).fileKey();
        Optional<BinaryImage> image = pickImage(binary);
        if (image.isEmpty()) {
            rootNode.note("no image for " + host.arch() + " in this file");
            return Optional.empty();
        }
        if (!formatMatches(image.get())) {
            rootNode.note("a " + image.get().format() + " image: not loadable by the " + host.os() + " loader");
            return Optional.empty();
        }
        if (!image.get().summary().architecture().equals(host.arch())) {
            rootNode.note("built for " + image.get().summary().architecture() + ", the host is " + host.arch()
                    + ": its dependencies are searched as this host's loader would, and no candidate of another architecture fits");
        }
        return Optional.of(new LoadedObject(file, file, image.get(), Optional.empty(), key,
                rules.rootOrigin(file, image.get()), 0, rootNode));
    }

    /**
     * Finds the first dependency the loader would fail to find, in load order.
     *
     * @param file the binary
     * @return the chain from the root to the missing dependency, or empty when everything resolves
     * @throws IOException              if the file cannot be read
     * @throws NotABinaryException      if it is not ELF, PE or Mach-O
     * @throws MalformedBinaryException if it is malformed
     */
    public Optional<MissingDependency> firstMissing(String file) throws IOException, NotABinaryException,
            MalformedBinaryException {
        return MissingDependency.first(resolve(file));
    }

    private void walk(LoadedObject root) {
        Walk walk = new Walk();
        walk.register(root);
        for (String path : rules.preloaded(root.image())) {
            if (files.probe(LoaderPaths.resolve(path, host.currentDir())) instanceof ObjectFiles.Present p
                    && p.binary() instanceof BinaryImage image) {
                PendingNode detached = new PendingNode(path, Optional.of(path), How.ALREADY_LOADED, List.of(), Optional.empty());
                walk.register(new LoadedObject(path, path, image, Optional.empty(), p.fileKey(),
                        LoaderPaths.origin(path, host.currentDir()), 0, detached));
            }
        }
        walk.run(root);
    }

    /** A request met while loading {@code object}, kept for later: a delay-load import. */
    private record Deferred(LoadedObject object, SearchRules.Request request) {
    }

    /**
     * One breadth-first load: everything the program needs at startup first, then each delay-load
     * import in the order it was met (with, again, what it needs at startup).
     */
    private final class Walk {
        private final Map<String, LoadedObject> byName = new HashMap<>();
        private final Map<Object, LoadedObject> byFile = new HashMap<>();
        private final ArrayDeque<LoadedObject> queue = new ArrayDeque<>();
        private final ArrayDeque<Deferred> delayed = new ArrayDeque<>();
        private int nodes = 1;

        void run(LoadedObject root) {
            queue.add(root);
            drain();
        }

        /** Loads everything queued, and what that brings in, then the delay-load imports met. */
        void drain() {
            while (!queue.isEmpty() || !delayed.isEmpty()) {
                if (queue.isEmpty()) {
                    Deferred next = delayed.poll();
                    load(next.object(), next.request());
                    continue;
                }
                LoadedObject object = queue.poll();
                if (object.depth() >= maxDepth && !rules.requests(object.image()).isEmpty()) {
                    object.node().note("not expanded: deeper than " + maxDepth);
                    continue;
                }
                for (SearchRules.Request request : rules.requests(object.image())) {
                    if (nodes++ >= maxNodes) {
                        object.node().note("not expanded further: more than " + maxNodes + " nodes");
                        break;
                    }
                    if (request.delayLoad()) {
                        delayed.add(new Deferred(object, request));
                    } else {
                        load(object, request);
                    }
                }
            }
        }

        private void load(LoadedObject object, SearchRules.Request request) {
            boolean delay = request.delayLoad();
            LoadedObject known = byName.get(rules.key(request.name()));
            if (known != null) {
                object.node().add(alreadyLoaded(request, known, List.of()));
                return;
            }
            Lookup lookup = delay ? rules.findDelayLoaded(request.name(), object) : rules.find(request.name(), object);
            if (lookup.found().isEmpty()) {
                PendingNode missing = new PendingNode(request.name(), Optional.empty(), How.NOT_FOUND, delay, lookup.tried(),
                        lookup.note());
                if (request.weak()) {
                    missing.weak();
                }
                if (delay) {
                    missing.note("delay-load: the program starts without it; the first call into it fails");
                }
                object.node().add(missing);
                return;
            }
            Lookup.Found found = lookup.found().get();
            LoadedObject same = found.fileKey() == null ? null : byFile.get(found.fileKey());
            if (same != null) {
                byName.put(rules.key(request.name()), same);
                object.node().add(alreadyLoaded(request, same, lookup.tried()));
                return;
            }
            PendingNode node = new PendingNode(request.name(), Optional.of(found.path()), found.how(), delay, lookup.tried(),
                    lookup.note());
            object.node().add(node);
            if (found.image().isEmpty()) {
                return; // resolved without a file (dyld shared cache, API set): nothing to expand
            }
            LoadedObject loaded = new LoadedObject(request.name(), found.path(), found.image().get(),
                    Optional.of(object), found.fileKey(), found.origin(), object.depth() + 1, node);
            register(loaded);
            queue.add(loaded);
        }

        void register(LoadedObject object) {
            for (String alias : rules.aliases(object)) {
                byName.putIfAbsent(rules.key(alias), object);
            }
            if (object.fileKey() != null) {
                byFile.putIfAbsent(object.fileKey(), object);
            }
        }

        private static PendingNode alreadyLoaded(SearchRules.Request request, LoadedObject known, List<Tried> tried) {
            return new PendingNode(request.name(), Optional.of(known.path()), How.ALREADY_LOADED, request.delayLoad(), tried,
                    Optional.empty());
        }
    }

    private Optional<BinaryImage> pickImage(NativeBinary binary) {
        List<BinaryImage> images = binary.images();
        if (images.size() == 1) {
            return Optional.of(images.get(0));
        }
        Architecture arch = host.arch();
        return images.stream().filter(i -> i.summary().architecture().equals(arch)).findFirst();
    }

    private boolean formatMatches(BinaryImage image) {
        BinaryFormat f = image.format();
        return switch (host.os()) {
            case MACOS -> f == BinaryFormat.MACHO;
            case WINDOWS -> f == BinaryFormat.PE;
            default -> f == BinaryFormat.ELF;
        };
    }
}
