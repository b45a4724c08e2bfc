package dev.nativeload.resolve;

import dev.nativeload.binary.BinaryImage;
import dev.nativeload.binary.elf.ElfFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * musl's search ({@code load_library} in {@code ldso/dynlink.c}): a name with a slash is opened as
 * given; the names of libc itself ({@code libc.so}, {@code libpthread.so}, ...) are the already
 * loaded libc; otherwise {@code LD_LIBRARY_PATH} (not in secure mode), then the run path of the
 * requester and of every loader up the chain (an object's {@code DT_RUNPATH} if it has one, else
 * its {@code DT_RPATH}; only {@code $ORIGIN} is expanded, and in secure mode a run path with
 * {@code $ORIGIN} is ignored), then the lines of {@code /etc/ld-musl-ARCH.path}, or when that file
 * does not exist {@code /lib:/usr/local/lib:/usr/lib}. Empty elements are skipped. musl does not
 * skip a library of the wrong machine: the first file that opens is the one it maps.
 */
final class MuslSearch implements SearchRules {
    private static final Set<String> LIBC_NAMES = Set.of("libc.so", "libdl.so", "libm.so", "libpthread.so", "librt.so",
            "libutil.so", "libxnet.so");

    private final ResolveHost.Musl host;
    private final ObjectFiles files;
    private List<String> systemPath;
    private boolean systemPathFromFile;

    MuslSearch(ResolveHost.Musl host, ObjectFiles files) {
        this.host = host;
        this.files = files;
    }

    @Override
    public List<Request> requests(BinaryImage image) {
        return image.summary().needed().stream().map(n -> new Request(n, false)).toList();
    }

    @Override
    public List<String> aliases(LoadedObject object) {
        return List.of(object.name(), object.path());
    }

    @Override
    public String rootOrigin(String pathAsGiven, BinaryImage image) {
        if (host.mainOriginIsRealPath() && ElfOrigins.isProgram(image)) {
            return ElfOrigins.rootOrigin(pathAsGiven, image, host, host.mainOriginIsRealPath());
        }
        return LoaderPaths.dirname(pathAsGiven);
    }

    @Override
    public Lookup find(String name, LoadedObject requester) {
        List<Tried> tried = new ArrayList<>();
        if (name.indexOf('/') >= 0) {
            return attempt(name, How.DIRECT, tried).orElseGet(() -> Lookup.notFound(tried, Optional.empty()));
        }
        if (LIBC_NAMES.contains(name)) {
            String libc = requester.main().image().summary().interpreter().orElse(name);
            return new Lookup(Optional.of(new Lookup.Found(libc, How.ALREADY_LOADED, Optional.empty(), null, "/")),
                    tried, Optional.of("provided by musl's libc itself (the dynamic linker)"));
        }
        Optional<Lookup> hit = Optional.empty();
        if (!host.secure()) {
            Optional<String> llp = host.getenv("LD_LIBRARY_PATH");
            if (llp.isPresent()) {
                hit = searchPath(List.of(llp.get().split("[:\n]")), name, How.LD_LIBRARY_PATH, tried);
            }
        }
        for (Optional<LoadedObject> l = Optional.of(requester); hit.isEmpty() && l.isPresent(); l = l.get().loader()) {
            ElfFile elf = (ElfFile) l.get().image();
            boolean runpath = !elf.runpath().isEmpty();
            List<String> path = runpath ? elf.runpath() : elf.rpath();
            String joined = String.join(":", path);
            if (joined.contains("$ORIGIN") || joined.contains("${ORIGIN}")) {
                if (host.secure()) {
                    tried.add(new Tried(joined, runpath ? How.Step.RUNPATH : How.Step.RPATH, "secure mode: a run path with $ORIGIN is ignored"));
                    continue;
                }
                joined = joined.replace("${ORIGIN}", l.get().origin()).replace("$ORIGIN", l.get().origin());
            }
            hit = searchPath(List.of(joined.split("[:\n]")), name, runpath ? How.RUNPATH : How.RPATH, tried);
        }
        if (hit.isEmpty()) {
            List<String> sys = systemPath();
            hit = searchPath(sys, name, systemPathFromFile ? How.MUSL_PATH_FILE : How.DEFAULT, tried);
        }
        return hit.orElseGet(() -> Lookup.notFound(tried, Optional.empty()));
    }

    private List<String> systemPath() {
        if (systemPath == null) {
            systemPath = host.defaultDirs().stream().map(Path::toString).toList();
            if (host.muslPathFile().isPresent() && Files.isRegularFile(host.muslPathFile().get())) {
                try {
                    String text = new String(Files.readAllBytes(host.muslPathFile().get()), StandardCharsets.UTF_8);
                    systemPath = List.of(text.split("[:\n]"));
                    systemPathFromFile = true;
                } catch (IOException e) {
                    systemPath = List.of(); // musl: an unreadable path file means an empty system path
                    systemPathFromFile = true;
                }
            }
        }
        return systemPath;
    }

    private Optional<Lookup> searchPath(List<String> dirs, String name, How how, List<Tried> tried) {
        for (String dir : dirs) {
            if (dir.isEmpty()) {
                continue;
            }
            Optional<Lookup> hit = attempt(dir + "/" + name, how, tried);
            if (hit.isPresent()) {
                return hit;
            }
        }
        return Optional.empty();
    }

    private Optional<Lookup> attempt(String path, How how, List<Tried> tried) {
        ObjectFiles.Probe probe = files.probe(LoaderPaths.resolve(path, host.currentDir()));
        switch (probe) {
            case ObjectFiles.Absent a -> {
                tried.add(new Tried(path, how.step(), a.reason()));
                return Optional.empty();
            }
            case ObjectFiles.Unusable u -> {
                return Optional.of(fatal(path, how, u.reason(), tried));
            }
            case ObjectFiles.Present p -> {
                ElfCheck.Verdict v = ElfCheck.check(p.binary(), host);
                if (v.image().isEmpty()) {
                    return Optional.of(fatal(path, how, v.skip().or(v::fatal).orElseThrow(), tried));
                }
                return Optional.of(new Lookup(Optional.of(new Lookup.Found(path, how, Optional.of(v.image().get()),
                        p.fileKey(), LoaderPaths.dirname(path))), tried, Optional.empty()));
            }
        }
    }

    private static Lookup fatal(String path, How how, String reason, List<Tried> tried) {
        tried.add(new Tried(path, how.step(), reason + "; musl does not search on"));
        return Lookup.notFound(tried, Optional.of("musl fails at " + path + ": " + reason));
    }
}
