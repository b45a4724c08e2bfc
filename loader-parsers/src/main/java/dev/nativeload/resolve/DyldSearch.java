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
 * dyld's search for a load command's install name:
 * <ol>
 * <li>{@code DYLD_LIBRARY_PATH}: each directory with the name's last component (not in secure mode);</li>
 * <li>the name itself: {@code @rpath/...} through the {@code LC_RPATH} entries of the requesting
 *     image, then of the image that loaded it, and so on back to the main executable (entries may
 *     use {@code @loader_path}, meaning their own image's directory, and {@code @executable_path});
 *     {@code @loader_path/...} against the requester's directory; {@code @executable_path/...}
 *     against the main executable's; anything else as an absolute path;</li>
 * <li>a system path ({@code /usr/lib/...}, {@code /System/Library/...}) missing on disk is taken as
 *     present: since macOS 11 such libraries live only in the dyld shared cache;</li>
 * <li>{@code DYLD_FALLBACK_LIBRARY_PATH} with the last component, by default {@link ResolveHost#defaultDirs()}
 *     ({@code /usr/local/lib}, {@code /usr/lib}).</li>
 * </ol>
 * A candidate that is not Mach-O, or has no slice for the host architecture, is skipped and
 * recorded, as dyld does. {@code DYLD_FRAMEWORK_PATH} and framework-relative names are not
 * emulated.
 */
final class DyldSearch implements SearchRules {
    private final ResolveHost host;
    private final ObjectFiles files;

    DyldSearch(ResolveHost host, ObjectFiles files) {
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
        String leaf = name.substring(name.lastIndexOf('/') + 1);
        Optional<Lookup> hit = Optional.empty();
        if (!host.secure()) {
            hit = searchDirs(host.getenv("DYLD_LIBRARY_PATH"), leaf, How.DYLD_LIBRARY_PATH, tried);
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
            Optional<String> fallback = host.secure() ? Optional.empty() : host.getenv("DYLD_FALLBACK_LIBRARY_PATH");
            hit = searchDirs(fallback.or(() -> Optional.of(String.join(":",
                    host.defaultDirs().stream().map(Path::toString).toList()))), leaf, How.FALLBACK, tried);
        }
        return hit.orElseGet(() -> Lookup.notFound(tried, Optional.empty()));
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

    private Optional<Lookup> searchDirs(Optional<String> list, String leaf, How how, List<Tried> tried) {
        if (list.isEmpty()) {
            return Optional.empty();
        }
        for (String dir : list.get().split(":")) {
            if (dir.isEmpty()) {
                continue;
            }
            Optional<Lookup> hit = attempt(LoaderPaths.join(dir, leaf), how, tried);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private Optional<Lookup> attempt(String path, How how, List<Tried> tried) {
        ObjectFiles.Probe probe = files.probe(LoaderPaths.resolve(path, host.currentDir()));
        switch (probe) {
            case ObjectFiles.Absent a -> tried.add(new Tried(path, how.kind(), a.reason()));
            case ObjectFiles.Unusable u -> tried.add(new Tried(path, how.kind(), u.reason()));
            case ObjectFiles.Present p -> {
                Optional<MachOFile> slice = slice(p.binary());
                if (slice.isEmpty()) {
                    tried.add(new Tried(path, how.kind(), describeMismatch(p.binary())));
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
