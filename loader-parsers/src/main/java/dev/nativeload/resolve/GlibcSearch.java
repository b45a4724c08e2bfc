package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.elf.DynamicFlags1;
import dev.nativeload.binary.elf.ElfFile;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * glibc {@code ld.so}'s search for a {@code DT_NEEDED} name ({@code _dl_map_object}, 2.36):
 * <ol>
 * <li>a name with a slash is opened as given (after token expansion), no search;</li>
 * <li>when the requester has no {@code DT_RUNPATH}: the {@code DT_RPATH} of the requester, then of
 *     its loader, and so on up to the main program (an object with {@code DT_RUNPATH} contributes
 *     no {@code DT_RPATH});</li>
 * <li>{@code LD_LIBRARY_PATH}, split on {@code :} and {@code ;}, an empty element meaning the
 *     current directory (ignored in secure mode);</li>
 * <li>the requester's own {@code DT_RUNPATH} (never its loaders');</li>
 * <li>{@code ld.so.cache} (an entry under a default directory is refused when the requester has
 *     {@code DF_1_NODEFLIB});</li>
 * <li>the default directories, unless the requester has {@code DF_1_NODEFLIB}.</li>
 * </ol>
 * Every directory is tried first below each supported hwcaps subdirectory that exists. A
 * candidate of the other ELF class or another machine is skipped and recorded; any other bad
 * candidate (not ELF, too short, a directory, wrong byte order, an executable) stops the search,
 * as it makes ld.so fail.
 *
 * <p>Secure mode (AT_SECURE, setuid programs) as implemented: {@code LD_LIBRARY_PATH} is ignored;
 * {@code $ORIGIN} is honoured only as the first thing of an element, and for the main program's own
 * elements only when the expansion is one of the default directories; other elements with
 * {@code $ORIGIN} are dropped and recorded.
 */
final class GlibcSearch implements SearchRules {
    private final ResolveHost.Glibc host;
    private final ObjectFiles files;
    private final List<String> hwcapsNames;
    private Optional<LdSoCache> cache;
    private String cacheProblem = "";

    GlibcSearch(ResolveHost.Glibc host, ObjectFiles files) {
        this.host = host;
        this.files = files;
        this.hwcapsNames = host.hwcapsSubdirs().stream().filter(s -> s.startsWith("glibc-hwcaps/"))
                .map(s -> s.substring("glibc-hwcaps/".length())).toList();
    }

    @Override
    public List<Request> requests(BinaryImage image) {
        return image.summary().needed().stream().map(n -> new Request(n, false)).toList();
    }

    @Override
    public List<String> aliases(LoadedObject object) {
        List<String> names = new ArrayList<>(List.of(object.name(), object.path()));
        object.image().summary().soname().ifPresent(names::add);
        return names;
    }

    @Override
    public List<String> preloaded(BinaryImage root) {
        return root.summary().interpreter().stream().toList();
    }

    @Override
    public String rootOrigin(String pathAsGiven, BinaryImage image) {
        return ElfOrigins.rootOrigin(pathAsGiven, image, host, host.mainOriginIsRealPath());
    }

    @Override
    public Lookup find(String name, LoadedObject requester) {
        List<Tried> tried = new ArrayList<>();
        if (name.indexOf('/') >= 0) {
            Dst.Expansion e = Dst.expand(name, requester.origin(), host, isMain(requester));
            if (e.dropped().isPresent()) {
                tried.add(new Tried(name, How.Step.DIRECT, e.dropped().get()));
                return Lookup.notFound(tried, Optional.empty());
            }
            return attempt(e.path(), How.DIRECT, tried).orElseGet(() -> Lookup.notFound(tried, Optional.empty()));
        }
        ElfFile elf = (ElfFile) requester.image();
        Optional<Lookup> hit = Optional.empty();
        if (elf.runpath().isEmpty()) {
            for (Optional<LoadedObject> l = Optional.of(requester); hit.isEmpty() && l.isPresent(); l = l.get().loader()) {
                ElfFile e = (ElfFile) l.get().image();
                if (e.runpath().isEmpty()) {
                    hit = searchList(e.rpath(), l.get(), name, How.RPATH, tried);
                }
            }
        }
        if (hit.isEmpty() && !host.secure()) {
            Optional<String> llp = host.getenv("LD_LIBRARY_PATH").filter(s -> !s.isEmpty());
            if (llp.isPresent()) {
                hit = searchList(List.of(llp.get().split("[:;]", -1)), requester.main(), name, How.LD_LIBRARY_PATH, tried);
            }
        }
        if (hit.isEmpty()) {
            hit = searchList(elf.runpath(), requester, name, How.RUNPATH, tried);
        }
        boolean nodeflib = elf.flags1().has(DynamicFlags1.DF_1_NODEFLIB);
        if (hit.isEmpty()) {
            hit = fromCache(name, nodeflib, tried);
        }
        if (hit.isEmpty()) {
            for (Path dir : host.defaultDirs()) {
                if (nodeflib) {
                    tried.add(new Tried(LoaderPaths.join(dir.toString(), name), How.Step.DEFAULT,
                            "skipped: the requester has DF_1_NODEFLIB"));
                    continue;
                }
                hit = searchDir(dir.toString(), name, How.DEFAULT, tried);
                if (hit.isPresent()) {
                    break;
                }
            }
        }
        return hit.orElseGet(() -> Lookup.notFound(tried, Optional.empty()));
    }

    private Optional<Lookup> searchList(List<String> elements, LoadedObject owner, String name, How how, List<Tried> tried) {
        boolean ownerIsMain = isMain(owner);
        for (String element : elements) {
            String dir = element;
            if (!element.isEmpty()) {
                Dst.Expansion e = Dst.expand(element, owner.origin(), host, ownerIsMain);
                if (e.dropped().isPresent()) {
                    tried.add(new Tried(LoaderPaths.join(element, name), how.step(), e.dropped().get()));
                    continue;
                }
                if (e.path().isEmpty()) {
                    continue;
                }
                dir = e.path();
            }
            Optional<Lookup> hit = searchDir(dir, name, how, tried);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private static boolean isMain(LoadedObject object) {
        return object.loader().isEmpty() && ElfOrigins.isProgram(object.image());
    }

    private Optional<Lookup> searchDir(String dir, String name, How how, List<Tried> tried) {
        for (String sub : host.hwcapsSubdirs()) {
            String subdir = LoaderPaths.join(dir, sub);
            if (files.isDirectory(LoaderPaths.resolve(subdir, host.currentDir()))) {
                Optional<Lookup> hit = attempt(LoaderPaths.join(subdir, name), how, tried);
                if (hit.isPresent()) {
                    return hit;
                }
            }
        }
        return attempt(LoaderPaths.join(dir, name), how, tried);
    }

    private Optional<Lookup> fromCache(String name, boolean nodeflib, List<Tried> tried) {
        Optional<LdSoCache> c = cache();
        if (c.isEmpty()) {
            host.ldSoCache().ifPresent(p -> tried.add(new Tried(p.toString(), How.Step.LD_SO_CACHE, cacheProblem)));
            return Optional.empty();
        }
        Optional<String> value = c.get().lookup(name, host.arch(), host.bits(), hwcapsNames);
        if (value.isEmpty()) {
            tried.add(new Tried(host.ldSoCache().orElseThrow().toString(), How.Step.LD_SO_CACHE,
                    "no entry for " + name + " (" + host.arch() + ")"));
            return Optional.empty();
        }
        if (nodeflib && host.defaultDirs().stream().anyMatch(d -> value.get().startsWith(Dst.withSlash(d.toString())))) {
            tried.add(new Tried(value.get(), How.Step.LD_SO_CACHE,
                    "in a default directory, refused: the requester has DF_1_NODEFLIB"));
            return Optional.empty();
        }
        return attempt(value.get(), How.LD_SO_CACHE, tried);
    }

    private Optional<LdSoCache> cache() {
        if (cache == null) {
            cache = Optional.empty();
            if (host.ldSoCache().isPresent()) {
                try {
                    cache = Optional.of(LdSoCache.read(host.ldSoCache().get()));
                } catch (IOException e) {
                    cacheProblem = "cannot read the cache: " + e.getMessage();
                } catch (MalformedBinaryException e) {
                    cacheProblem = "malformed cache, ignored: " + e.getMessage();
                }
            }
        }
        return cache;
    }

    /** {@return the lookup when this candidate ends the search (taken or fatal), empty to go on} */
    private Optional<Lookup> attempt(String path, How how, List<Tried> tried) {
        ObjectFiles.Probe probe = files.probe(LoaderPaths.resolve(path, host.currentDir()));
        // instanceof, not a pattern switch: that would spin a class at run time in every new JVM (DependencyResolver).
        if (probe instanceof ObjectFiles.Absent a) {
            tried.add(new Tried(path, how.step(), a.reason()));
            return Optional.empty();
        }
        if (probe instanceof ObjectFiles.Unusable u) {
            return Optional.of(fatal(path, how, u.reason(), tried));
        }
        ObjectFiles.Present p = (ObjectFiles.Present) probe;
        ElfCheck.Verdict v = ElfCheck.check(p.binary(), host);
        if (v.skip().isPresent()) {
            tried.add(new Tried(path, how.step(), v.skip().get()));
            return Optional.empty();
        }
        if (v.fatal().isPresent()) {
            return Optional.of(fatal(path, how, v.fatal().get(), tried));
        }
        return Optional.of(new Lookup(Optional.of(new Lookup.Found(path, how, Optional.of(v.image().get()),
                p.fileKey(), LoaderPaths.origin(path, host.currentDir()))), tried, Optional.empty()));
    }

    private static Lookup fatal(String path, How how, String reason, List<Tried> tried) {
        tried.add(new Tried(path, how.step(), reason + "; ld.so stops here"));
        return Lookup.notFound(tried, Optional.of("ld.so fails at " + path + ": " + reason));
    }
}
