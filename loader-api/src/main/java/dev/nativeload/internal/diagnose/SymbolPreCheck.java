package dev.nativeload.internal.diagnose;

import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.report.FailureKind;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.RelocationKind;
import dev.nativeload.resolve.symbols.SymbolBinder;
import dev.nativeload.resolve.symbols.SymbolBinding;
import dev.nativeload.resolve.symbols.SymbolReport;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds a candidate library's symbols offline before it is opened, so that a reference nothing
 * defines is a typed {@link FailureKind#UNDEFINED_SYMBOL} instead of what glibc does with
 * {@code RTLD_LAZY}: load the library, then end the process with "symbol lookup error" at the
 * function's first call.
 *
 * <p>The library's resolved tree is bound with {@link SymbolBinder} (glibc's rules); each strong
 * reference it leaves unresolved is then put to the running process's global scope (the
 * executable, the JVM, everything opened with {@code RTLD_GLOBAL}), which a library opened now
 * also binds against. A reference is reported only when the process says it does not define it
 * either; one the process cannot answer for (no such lookup on the OS boundary) is not reported,
 * so the check has no false positive from the process's own symbols.
 *
 * <p>It says nothing (the OS decides) on a host other than Linux with glibc, for a file whose
 * headers cannot be read, and for a tree with a dependency the resolver does not find (the load
 * fails on that first, or a dependency shipped beside it is opened first and fills the gap). The
 * offline answer is kept per file (path, and the loader that resolved it) while the device, inode,
 * size and modification time of every file of its tree are unchanged, so a repeated check costs a
 * {@code stat} per file of the tree plus one process lookup per unresolved reference.
 */
public final class SymbolPreCheck {
    /** Entries kept at most; past it the cache starts over (a process loads few distinct libraries). */
    private static final int MAX_CACHED = 512;
    /** References a cause names at most. */
    private static final int MAX_NAMED = 5;
    private static final Map<Key, Bound> CACHE = new ConcurrentHashMap<>();

    private final Host host;
    private final ResolveHost loader;
    private final GlobalScope process;

    /** The running process's global scope, asked about one reference. */
    @FunctionalInterface
    public interface GlobalScope {
        /**
         * {@return whether the process defines the symbol, or empty when it cannot tell}
         *
         * @param name    the symbol
         * @param version the version the reference asks for, if any
         */
        Optional<Boolean> defines(String name, Optional<String> version);
    }

    /**
     * @param host    the host
     * @param loader  the loader whose search finds the candidate's dependencies
     * @param process the running process's global scope ({@code NativeAccess.globalSymbolDefined})
     */
    public SymbolPreCheck(Host host, ResolveHost loader, GlobalScope process) {
        this.host = Objects.requireNonNull(host, "host");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.process = Objects.requireNonNull(process, "process");
    }

    /** {@return whether this host's loader is one the offline binding emulates (Linux with glibc)} */
    public boolean applies() {
        return host.os() == TargetOs.LINUX && loader instanceof ResolveHost.Glibc;
    }

    /**
     * {@return why loading {@code file} would leave a reference unbound, or empty when nothing known says so}
     *
     * @param file a regular file the other checks accepted
     */
    public Optional<Diagnosis> check(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Unbound> missing = missing(abs);
        return missing.isEmpty() ? Optional.empty() : Optional.of(diagnosis(abs, missing));
    }

    /**
     * {@return every strong reference of {@code file}'s tree that neither the tree nor the process
     * defines, in load order; empty where the check does not apply}
     *
     * @param file a regular file
     */
    public List<UnresolvedSymbol> unresolved(Path file) {
        return missing(file.toAbsolutePath().normalize()).stream().map(Unbound::symbol).toList();
    }

    private List<Unbound> missing(Path abs) {
        if (!applies()) {
            return List.of();
        }
        Key key = new Key(abs, loader);
        Bound bound = CACHE.get(key);
        if (bound == null || !bound.fresh()) {
            bound = bind(abs);
            if (CACHE.size() >= MAX_CACHED) {
                CACHE.clear();
            }
            if (bound.complete()) {
                CACHE.put(key, bound); // a tree with a file missing is resolved again next time: it may appear
            }
        }
        List<Unbound> missing = new ArrayList<>();
        for (Unbound u : bound.unresolved()) {
            if (process.defines(u.symbol().symbol(), u.symbol().version()).filter(defined -> !defined).isPresent()) {
                missing.add(u);
            }
        }
        return missing;
    }

    private Bound bind(Path file) {
        List<Stamp> stamps = new ArrayList<>();
        Stamp.of(file).ifPresent(stamps::add);
        DependencyNode root;
        try {
            root = new DependencyResolver(loader).resolve(file.toString());
        } catch (IOException | NotABinaryException | MalformedBinaryException unreadable) {
            return new Bound(stamps, List.of(), true);
        }
        Set<String> paths = new LinkedHashSet<>();
        ArrayDeque<DependencyNode> todo = new ArrayDeque<>(root.children());
        while (!todo.isEmpty()) {
            DependencyNode n = todo.poll();
            if (!n.found()) {
                return new Bound(stamps, List.of(), false); // the load fails on the missing file, or a shipped one fills it
            }
            if (n.path().isPresent() && paths.add(n.path().get())) {
                todo.addAll(n.children());
            }
        }
        for (String p : paths) {
            Stamp.of(loader.currentDir().resolve(p)).ifPresent(stamps::add);
        }
        // Only the unbound references are read below (are they calls only?): the binder lists no others.
        SymbolReport report = new SymbolBinder(loader.currentDir(), SymbolBinder.Recorded.UNBOUND).bind(root);
        record Ref(String symbol, Optional<String> version, String object) {
        }
        Map<Ref, Boolean> callsOnly = new HashMap<>();
        for (SymbolBinding b : report.bindings()) {
            if (b.definedIn().isEmpty()) {
                callsOnly.merge(new Ref(b.symbol(), b.version(), b.object()), b.kind() == RelocationKind.PLT, Boolean::logicalAnd);
            }
        }
        List<Unbound> unresolved = report.unresolved().stream()
                .map(u -> new Unbound(u, callsOnly.getOrDefault(new Ref(u.symbol(), u.version(), u.object()), false))).toList();
        return new Bound(stamps, unresolved, true);
    }

    private static Diagnosis diagnosis(Path file, List<Unbound> missing) {
        Unbound first = missing.getFirst();
        UnresolvedSymbol s = first.symbol();
        List<String> named = missing.stream().limit(MAX_NAMED).map(u -> describe(u.symbol())).toList();
        String more = missing.size() > MAX_NAMED ? " and " + (missing.size() - MAX_NAMED) + " more" : "";
        String consequence = first.callOnly()
                ? "; with lazy binding the load would succeed and the first call of " + s.symbol()
                        + " would end the JVM (glibc: \"symbol lookup error\")"
                : "; the loader would refuse the library (" + s.symbol() + " is not only called, so it is bound at load time)";
        String cause = "no object loaded with " + file.getFileName() + ", and nothing in this process, defines "
                + String.join(", ", named) + more + " (bound offline before dlopen)" + consequence;
        String hint = "load the library that defines " + s.symbol() + " first with GLOBAL visibility, link "
                + Path.of(s.object()).getFileName() + " against it, or use a build of " + file.getFileName()
                + " made against the libraries this system has";
        return Diagnosis.of(FailureKind.UNDEFINED_SYMBOL, cause, hint)
                .withCulprit(new Diagnosis.Culprit.Symbol(s.symbol(), s.version(), Optional.of(s.object())));
    }

    private static String describe(UnresolvedSymbol u) {
        return u.symbol() + u.version().map(v -> "@" + v).orElse("") + " (referenced by " + u.object() + ")";
    }

    /** One file resolved by one loader. */
    private record Key(Path file, ResolveHost loader) {
    }

    /**
     * A strong reference the tree left unresolved.
     *
     * @param symbol   the reference
     * @param callOnly whether only PLT slots (calls) reference it: lazily bound, so a load would succeed
     */
    private record Unbound(UnresolvedSymbol symbol, boolean callOnly) {
    }

    /**
     * The offline answer for one file, and the identity of every file it read.
     *
     * @param stamps     the identity of every file of the tree when it was read
     * @param unresolved the strong references the tree left unresolved
     * @param complete   whether every dependency was found (an incomplete tree is not bound, nor kept)
     */
    private record Bound(List<Stamp> stamps, List<Unbound> unresolved, boolean complete) {
        boolean fresh() {
            for (Stamp s : stamps) {
                if (!Stamp.of(s.path()).equals(Optional.of(s))) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A file's identity: device and inode ({@code fileKey}), size and modification time. */
    private record Stamp(Path path, Object fileKey, long size, FileTime modified) {
        static Optional<Stamp> of(Path path) {
            try {
                BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
                return Optional.of(new Stamp(path, a.fileKey(), a.size(), a.lastModifiedTime()));
            } catch (IOException gone) {
                return Optional.empty();
            }
        }
    }
}
