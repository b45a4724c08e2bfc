package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.NativeBinary;
import dev.nativeload.binary.macho.DylibKind;
import dev.nativeload.binary.macho.LoadCommand;
import dev.nativeload.binary.macho.MachOFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * dyld's search for a load command's install name. A <em>framework name</em> is one whose last
 * component repeats the directory before it without its {@code .framework} suffix
 * ({@code .../Foo.framework/Foo}, {@code .../Foo.framework/Versions/A/Foo}, also after {@code @rpath/});
 * its <em>framework-relative part</em> starts at that directory ({@code Foo.framework/Versions/A/Foo}).
 * <ol>
 * <li>not in secure mode: for a framework name, each {@code DYLD_FRAMEWORK_PATH} directory with the
 *     framework-relative part; for any other name, each {@code DYLD_LIBRARY_PATH} directory with the
 *     last component (dyld 3 and 4 do not search {@code DYLD_LIBRARY_PATH} for a framework name);</li>
 * <li>the name itself: {@code @rpath/...} through the {@code LC_RPATH} entries of the requesting
 *     image, then of the image that loaded it, and so on back to the main executable (entries may
 *     use {@code @loader_path}, meaning their own image's directory, and {@code @executable_path});
 *     {@code @loader_path/...} against the requester's directory; {@code @executable_path/...}
 *     against the main executable's; anything else as an absolute path;</li>
 * <li>a system path ({@code /usr/lib/...}, {@code /System/Library/...}) missing on disk is taken as
 *     present: since macOS 11 such libraries and frameworks live only in the dyld shared cache;</li>
 * <li>the fallback directories, skipping a candidate that is the name itself: for a framework name,
 *     {@code DYLD_FALLBACK_FRAMEWORK_PATH} with the framework-relative part, by default
 *     {@link ResolveHost#defaultFrameworkDirs()} ({@code /Library/Frameworks},
 *     {@code /System/Library/Frameworks}); for any other name, {@code DYLD_FALLBACK_LIBRARY_PATH} with
 *     the last component, by default {@link ResolveHost#defaultDirs()} ({@code /usr/local/lib},
 *     {@code /usr/lib}). In secure mode the variables are ignored and, as in a restricted process, only
 *     the system defaults ({@code /usr/lib}, {@code /System/Library/Frameworks}) remain.</li>
 * </ol>
 * A candidate that is not Mach-O, or has no slice for the host architecture, is skipped and
 * recorded, as dyld does. Not emulated: {@code DYLD_IMAGE_SUFFIX}, {@code DYLD_VERSIONED_*_PATH},
 * {@code LC_DYLD_ENVIRONMENT}, and dyld 4's rule that the <em>default</em> fallback directories serve
 * only requesters built with an SDK older than 2022 (they are searched for every requester here).
 */
final class DyldSearch implements SearchRules {
    /** The default fallback directories dyld keeps in a restricted process. */
    private static final List<Path> RESTRICTED_FALLBACKS = List.of(Path.of("/usr/lib"), Path.of("/System/Library/Frameworks"));

    private final ResolveHost.Dyld host;
    private final ObjectFiles files;

    DyldSearch(ResolveHost.Dyld host, ObjectFiles files) {
        this.host = host;
        this.files = files;
    }

    @Override
    public List<Request> requests(BinaryImage image) {
        return ((MachOFile) image).dependencies().stream()
                .map(d -> new Request(d.name(), d.kind() == DylibKind.WEAK)).toList();
    }

    @Override
    public List<String> aliases(LoadedObject object) {
        List<String> names = new ArrayList<>(List.of(object.name(), object.path()));
        ((MachOFile) object.image()).id().map(LoadCommand.Dylib::name).ifPresent(names::add);
        return names;
    }

    @Override
    public String rootOrigin(String pathAsGiven, BinaryImage image) {
        return LoaderPaths.origin(pathAsGiven, host.currentDir());
    }

    @Override
    public Lookup find(String name, LoadedObject requester) {
        List<Tried> tried = new ArrayList<>();
        Optional<String> framework = frameworkPartialPath(name);
        Optional<Lookup> hit = Optional.empty();
        if (!host.secure()) {
            hit = framework.isPresent()
                    ? searchDirs(dirList(host.getenv("DYLD_FRAMEWORK_PATH")), framework.get(), How.DYLD_FRAMEWORK_PATH, tried)
                    : searchDirs(dirList(host.getenv("DYLD_LIBRARY_PATH")), leaf(name), How.DYLD_LIBRARY_PATH, tried);
        }
        String main = requester.main().origin();
        if (hit.isEmpty() && name.startsWith("@rpath/")) {
            String rest = name.substring("@rpath/".length());
            for (Optional<LoadedObject> l = Optional.of(requester); hit.isEmpty() && l.isPresent(); l = l.get().loader()) {
                for (String rpath : ((MachOFile) l.get().image()).rpaths()) {
                    String dir = expand(rpath, l.get().origin(), main);
                    hit = attempt(LoaderPaths.join(dir, rest), How.rpathVia(l.get().path()), tried);
                    if (hit.isPresent()) {
                        break;
                    }
                }
            }
        } else if (hit.isEmpty() && name.startsWith("@loader_path/")) {
            hit = attempt(LoaderPaths.join(requester.origin(), name.substring("@loader_path/".length())), How.LOADER_PATH, tried);
        } else if (hit.isEmpty() && name.startsWith("@executable_path/")) {
            hit = attempt(LoaderPaths.join(main, name.substring("@executable_path/".length())), How.EXECUTABLE_PATH, tried);
        } else if (hit.isEmpty() && !name.startsWith("@")) {
            hit = attempt(name, How.DIRECT, tried);
            if (hit.isEmpty() && isSharedCachePath(name)) {
                return new Lookup(Optional.of(new Lookup.Found(name, How.SHARED_CACHE, Optional.empty(), null, "/")), tried,
                        Optional.of("not on disk: a system library in the dyld shared cache, assumed present"));
            }
        }
        if (hit.isEmpty()) {
            hit = fallback(name, framework, tried);
        }
        return hit.orElseGet(() -> Lookup.notFound(tried, Optional.empty()));
    }

    /** The fallback directories, by framework-relative part or last component; the name itself is not tried again. */
    private Optional<Lookup> fallback(String name, Optional<String> framework, List<Tried> tried) {
        String rest = framework.orElse(leaf(name));
        List<String> dirs = framework.isPresent()
                ? fallbackDirs("DYLD_FALLBACK_FRAMEWORK_PATH", host.defaultFrameworkDirs())
                : fallbackDirs("DYLD_FALLBACK_LIBRARY_PATH", host.defaultDirs());
        return searchDirs(dirs.stream().filter(d -> !LoaderPaths.join(d, rest).equals(name)).toList(), rest,
                framework.isPresent() ? How.FALLBACK_FRAMEWORK : How.FALLBACK, tried);
    }

    /**
     * {@return the framework-relative part of a name ({@code Foo.framework/Versions/A/Foo} from
     * {@code @rpath/Foo.framework/Versions/A/Foo}), or empty when it is not a framework name}: the
     * last {@code NAME.framework/} directory of the path, when the last component is {@code NAME}
     *
     * @param name an install name or path
     */
    static Optional<String> frameworkPartialPath(String name) {
        int suffix = name.lastIndexOf(".framework/");
        if (suffix <= 0) {
            return Optional.empty();
        }
        int start = name.lastIndexOf('/', suffix - 1) + 1;
        String framework = name.substring(start, suffix);
        return framework.equals(leaf(name)) ? Optional.of(name.substring(start)) : Optional.empty();
    }

    private static String leaf(String name) {
        return name.substring(name.lastIndexOf('/') + 1);
    }

    private static List<String> dirList(Optional<String> colonSeparated) {
        return colonSeparated.map(v -> List.of(v.split(":"))).orElse(List.of());
    }

    /** The variable's directories; unset (or in secure mode), the defaults, of which a restricted process keeps the system ones. */
    private List<String> fallbackDirs(String variable, List<Path> defaults) {
        if (!host.secure() && host.getenv(variable).isPresent()) {
            return dirList(host.getenv(variable));
        }
        return defaults.stream().filter(d -> !host.secure() || RESTRICTED_FALLBACKS.contains(d)).map(Path::toString).toList();
    }

    /** {@return whether dyld keeps libraries at this path only in its shared cache (macOS 11 and later)} */
    static boolean isSharedCachePath(String path) {
        return path.startsWith("/usr/lib/") || path.startsWith("/System/Library/");
    }

    private static String expand(String rpath, String loaderDir, String executableDir) {
        if (rpath.startsWith("@loader_path")) {
            return loaderDir + rpath.substring("@loader_path".length());
        }
        if (rpath.startsWith("@executable_path")) {
            return executableDir + rpath.substring("@executable_path".length());
        }
        return rpath;
    }

    private Optional<Lookup> searchDirs(List<String> dirs, String rest, How how, List<Tried> tried) {
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Optional<Lookup> hit = attempt(LoaderPaths.join(dir, rest), how, tried);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private Optional<Lookup> attempt(String path, How how, List<Tried> tried) {
        ObjectFiles.Probe probe = files.probe(LoaderPaths.resolve(path, host.currentDir()));
        switch (probe) {
            case ObjectFiles.Absent a -> tried.add(new Tried(path, how.step(), a.reason()));
            case ObjectFiles.Unusable u -> tried.add(new Tried(path, how.step(), u.reason()));
            case ObjectFiles.Present p -> {
                Optional<MachOFile> slice = slice(p.binary());
                if (slice.isEmpty()) {
                    tried.add(new Tried(path, how.step(), describeMismatch(p.binary())));
                    break;
                }
                return Optional.of(new Lookup(Optional.of(new Lookup.Found(path, how, Optional.of(slice.get()),
                        p.fileKey(), LoaderPaths.origin(path, host.currentDir()))), tried, Optional.empty()));
            }
        }
        return Optional.empty();
    }

    private Optional<MachOFile> slice(NativeBinary binary) {
        return binary.images().stream().filter(i -> i instanceof MachOFile)
                .filter(i -> i.summary().architecture().equals(host.arch())).map(i -> (MachOFile) i).findFirst();
    }

    private String describeMismatch(NativeBinary binary) {
        List<String> have = binary.images().stream().map(i -> i.format() + " " + i.summary().architecture()).toList();
        return "incompatible: have " + have + ", need Mach-O " + host.arch();
    }
}
