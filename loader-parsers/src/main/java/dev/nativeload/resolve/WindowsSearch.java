package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.pe.ApiSetSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Windows loader's search for an imported DLL (names compared without case):
 * <ol>
 * <li>an API-set contract (a name beginning {@code api-} or {@code ext-}, as {@link ApiSetSchema#isContract}
 * says: {@code api-ms-win-*}, {@code ext-ms-*}, {@code api-ms-onecoreuap-*}...) is virtual: the loader maps it
 *     through the API set schema, no file is searched;</li>
 * <li>a KnownDLL is always taken from the system directory;</li>
 * <li>{@link ResolveHost.WindowsSearchMode#STANDARD} (SafeDllSearchMode): the application
 *     directory, System32, the Windows directory, the current directory, then {@code PATH}
 *     ({@code ;}-separated);</li>
 * <li>{@link ResolveHost.WindowsSearchMode#DLL_LOAD_DIR_AND_DEFAULT_DIRS} ({@code LoadLibraryExW}
 *     with {@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS}): the
 *     directory of the DLL being loaded (the root), then System32; no {@code PATH}, no current
 *     directory. The application directory of the host process is not known here and is not searched.</li>
 * </ol>
 * A candidate that is not PE or is for another machine is skipped and recorded.
 *
 * <p>Delay-load imports are requested after the static ones, in file order. The delay-load helper
 * loads one with {@code LoadLibrary} on the first call into it, so it is searched in the process's
 * default order whatever flags loaded the DLL that imports it: in
 * {@link ResolveHost.WindowsSearchMode#DLL_LOAD_DIR_AND_DEFAULT_DIRS} mode that is System32, the
 * Windows directory, the current directory and {@code PATH}, and not that DLL's own directory.
 */
final class WindowsSearch implements SearchRules {
    private final ResolveHost.Windows host;
    private final ObjectFiles files;
    private final Map<Path, Map<String, String>> listings = new HashMap<>();

    WindowsSearch(ResolveHost.Windows host, ObjectFiles files) {
        this.host = host;
        this.files = files;
    }

    @Override
    public List<Request> requests(BinaryImage image) {
        return Stream.concat(image.summary().needed().stream().map(n -> new Request(n, false)),
                image.summary().delayImports().stream().map(n -> new Request(n, false, true))).toList();
    }

    @Override
    public List<String> aliases(LoadedObject object) {
        String path = object.path();
        return List.of(object.name(), path.substring(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
    }

    @Override
    public String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    @Override
    public String rootOrigin(String pathAsGiven, BinaryImage image) {
        return LoaderPaths.origin(pathAsGiven, host.currentDir());
    }

    @Override
    public Lookup find(String name, LoadedObject requester) {
        Path appDir = Path.of(requester.main().origin());
        return switch (host.mode()) {
            case STANDARD -> search(name, standardOrder(Optional.of(appDir)), true);
            case DLL_LOAD_DIR_AND_DEFAULT_DIRS -> search(name, List.of(Map.entry(How.DLL_LOAD_DIR, Optional.of(appDir)),
                    Map.entry(How.SYSTEM32, Optional.of(host.systemDir()))), false);
        };
    }

    @Override
    public Lookup findDelayLoaded(String name, LoadedObject requester) {
        if (host.mode() == ResolveHost.WindowsSearchMode.STANDARD) {
            return find(name, requester);
        }
        Lookup lookup = search(name, standardOrder(Optional.empty()), true);
        return lookup.found().isPresent() ? lookup : Lookup.notFound(lookup.tried(), Optional.of(
                "LoadLibrary at the first call searches the process's order, not the directory of the DLL that delay-loads it"));
    }

    /** The standard order after KnownDLLs: the application directory when known, System32, the Windows and current directories. */
    private List<Map.Entry<How, Optional<Path>>> standardOrder(Optional<Path> appDir) {
        List<Map.Entry<How, Optional<Path>>> steps = new ArrayList<>();
        appDir.ifPresent(d -> steps.add(Map.entry(How.APP_DIR, Optional.of(d))));
        steps.add(Map.entry(How.SYSTEM32, Optional.of(host.systemDir())));
        steps.add(Map.entry(How.of(How.Step.WINDOWS_DIR), host.windowsDir()));
        steps.add(Map.entry(How.CURRENT_DIR, Optional.of(host.currentDir())));
        return steps;
    }

    private Lookup search(String name, List<Map.Entry<How, Optional<Path>>> steps, boolean searchPath) {
        List<Tried> tried = new ArrayList<>();
        String lower = key(name);
        if (ApiSetSchema.isContract(lower)) {
            return new Lookup(Optional.of(new Lookup.Found(name, How.API_SET, Optional.empty(), null, "")), tried,
                    Optional.of("API set contract: the loader maps it to a host DLL through the API set schema"));
        }
        Optional<Lookup> hit = Optional.empty();
        if (host.knownDlls().contains(name)) {
            hit = attempt(host.systemDir(), name, How.KNOWN_DLL, tried);
        }
        for (Map.Entry<How, Optional<Path>> step : steps) {
            if (hit.isEmpty() && step.getValue().isPresent()) {
                hit = attempt(step.getValue().get(), name, step.getKey(), tried);
            }
        }
        if (hit.isEmpty() && searchPath) {
            for (String dir : host.getenv("PATH").orElse("").split(";")) {
                if (!dir.isEmpty() && hit.isEmpty()) {
                    hit = attempt(host.currentDir().resolve(dir), name, How.PATH, tried);
                }
            }
        }
        return hit.orElseGet(() -> Lookup.notFound(tried, Optional.empty()));
    }

    private Optional<Lookup> attempt(Path dir, String name, How how, List<Tried> tried) {
        String actual = listing(dir).get(key(name));
        Path candidate = dir.resolve(actual == null ? name : actual);
        if (actual == null) {
            tried.add(new Tried(candidate.toString(), how.step(), "no such file"));
            return Optional.empty();
        }
        switch (files.probe(candidate)) {
            case ObjectFiles.Absent a -> tried.add(new Tried(candidate.toString(), how.step(), a.reason()));
            case ObjectFiles.Unusable u -> tried.add(new Tried(candidate.toString(), how.step(), u.reason()));
            case ObjectFiles.Present p -> {
                BinaryImage image = p.binary().images().get(0);
                if (image.format() != BinaryFormat.PE) {
                    tried.add(new Tried(candidate.toString(), how.step(), "not a PE image (" + image.format() + ")"));
                } else if (!image.summary().architecture().equals(host.arch()) || image.summary().bits() != host.bits()) {
                    tried.add(new Tried(candidate.toString(), how.step(), "wrong machine: " + image.summary().architecture()
                            + " (" + image.summary().bits() + "-bit), host is " + host.arch()));
                } else {
                    return Optional.of(new Lookup(Optional.of(new Lookup.Found(candidate.toString(), how, Optional.of(image),
                            p.fileKey(), dir.toString())), tried, Optional.empty()));
                }
            }
        }
        return Optional.empty();
    }

    private Map<String, String> listing(Path dir) {
        return listings.computeIfAbsent(dir, d -> {
            Map<String, String> names = new HashMap<>();
            try (Stream<Path> s = Files.list(d)) {
                s.forEach(p -> names.putIfAbsent(key(p.getFileName().toString()), p.getFileName().toString()));
            } catch (IOException | java.io.UncheckedIOException e) {
                return Map.of(); // a directory that cannot be listed holds nothing the loader could open
            }
            return names;
        });
    }
}
