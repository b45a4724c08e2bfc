package dev.nativeload.cli;

import dev.nativeload.platform.Compatibility;
import dev.nativeload.platform.Incompatibility;
import dev.nativeload.platform.Platform;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks files a publisher is about to ship for one platform, from their headers alone (nothing is loaded).
 *
 * <p>Rules, each reported under its name:
 * <ul>
 *   <li>{@code read}: the file must be a readable binary;</li>
 *   <li>{@code format}, {@code os}, {@code arch}, {@code libc}: the platform's format (ELF, Mach-O, PE), OS,
 *       architecture (a fat Mach-O must hold the platform's slice, which is then checked) and C library
 *       (a glibc target refuses musl and Bionic objects, a musl target glibc ones; an object that says
 *       nothing about its C library passes);</li>
 *   <li>{@code glibc-version}: with a limit, no {@code GLIBC_x.y} symbol version above it;</li>
 *   <li>{@code rpath}: ELF RPATH/RUNPATH entries must start with {@code $ORIGIN} (no absolute, Windows-style,
 *       relative or empty entries); Mach-O LC_RPATH with {@code @loader_path}, {@code @executable_path} or
 *       {@code @rpath};</li>
 *   <li>{@code dll-needed}: no {@code .dll} in an ELF's DT_NEEDED;</li>
 *   <li>{@code dependency}: every dependency is in the platform's {@link BaseSystem} or is shipped alongside,
 *       that is named by another file of the same run (by file name or SONAME / install name). Absolute
 *       Mach-O install names outside the system count even when a file of that name is shipped.</li>
 *   <li>{@code symbol-version-too-new} and {@code unresolved-symbol} (Linux glibc targets): see {@link SymbolRules}.</li>
 * </ul>
 */
final class Verifier {
    private static final Pattern WINDOWS_PATH = Pattern.compile("^[A-Za-z]:.*|.*\\\\.*");

    private final Platform target;
    private final Optional<GlibcVersion> maxGlibc;
    private final Set<String> shipped = new HashSet<>();
    private final SymbolRules symbols;

    /**
     * @param target   the platform the files are published for
     * @param maxGlibc the newest glibc the files may need, if limited
     * @param files    every file of the run that could be read, so dependencies among them count as shipped
     */
    Verifier(Platform target, Optional<GlibcVersion> maxGlibc, List<InspectResult.Read> files) {
        this(target, maxGlibc, files, Path.of("").toAbsolutePath());
    }

    /**
     * @param target   the platform the files are published for
     * @param maxGlibc the newest glibc the files may need, if limited
     * @param files    every file of the run that could be read, so dependencies among them count as shipped
     * @param cwd      the directory the files' names are relative to
     */
    Verifier(Platform target, Optional<GlibcVersion> maxGlibc, List<InspectResult.Read> files, Path cwd) {
        this.target = target;
        this.maxGlibc = maxGlibc;
        this.symbols = new SymbolRules(target, maxGlibc, cwd);
        for (InspectResult.Read file : files) {
            shipped.add(key(baseName(file.path())));
            for (BinarySummary s : file.images()) {
                s.soname().ifPresent(name -> shipped.add(key(baseName(name))));
            }
        }
    }

    /**
     * {@return every violation of one file, empty when it may ship}
     *
     * @param result the file as read, or why it could not be
     */
    List<Violation> verify(InspectResult result) {
        return switch (result) {
            case InspectResult.Failed failed -> List.of(new Violation("read", "cannot read: " + failed.message()));
            case InspectResult.Read read -> verify(read);
        };
    }

    private List<Violation> verify(InspectResult.Read read) {
        List<Violation> out = new ArrayList<>();
        Platform limited = maxGlibc.map(v -> target.withLibcVersion(v.toString())).orElse(target);
        for (Incompatibility problem : Compatibility.problems(read.format(), read.images(), limited)) {
            out.add(new Violation(problem.rule(), describe(problem, read)));
        }
        if (out.stream().anyMatch(v -> v.rule().equals("format") || v.rule().equals("arch"))) {
            return out;
        }
        BinarySummary s = read.images().stream().filter(i -> i.architecture().equals(target.arch())).findFirst().orElseThrow();
        checkRpaths(s, out);
        checkDependencies(s, out);
        symbols.check(read.path(), s, out);
        return out;
    }

    private String describe(Incompatibility problem, InspectResult.Read read) {
        return switch (problem) {
            case Incompatibility.WrongFormat f -> f.found() + " file, but " + target.id() + " needs " + target.formatName();
            case Incompatibility.NoSlice n -> "universal file has slices " + n.slices().stream().map(Architecture::name).toList()
                    + ", none " + target.arch().name();
            case Incompatibility.WrongMachine m -> "built for " + read.images().stream().map(i -> i.architecture().name())
                    .collect(java.util.stream.Collectors.joining(", ")) + ", not " + target.arch().name();
            case Incompatibility.WrongOs o -> "built for " + o.found() + ", not " + target.os();
            case Incompatibility.WrongLibc l -> "linked against " + l.found() + ", but " + target.id() + " has " + target.libc();
            case Incompatibility.GlibcTooOld g -> "needs " + g.version() + " from " + g.file() + ", newer than the limit "
                    + maxGlibc.orElseThrow();
        };
    }

    private void checkRpaths(BinarySummary s, List<Violation> out) {
        boolean macho = s.format() == BinaryFormat.MACHO;
        List<String> kinds = new ArrayList<>();
        List<String> entries = new ArrayList<>();
        for (String e : s.rpath()) {
            kinds.add(macho ? "LC_RPATH" : "RPATH");
            entries.add(e);
        }
        for (String e : s.runpath()) {
            kinds.add("RUNPATH");
            entries.add(e);
        }
        for (int i = 0; i < entries.size(); i++) {
            String e = entries.get(i);
            String problem = macho ? machORpathProblem(e) : elfRpathProblem(e);
            if (problem != null) {
                out.add(new Violation("rpath", kinds.get(i) + " entry '" + e + "' is " + problem));
            }
        }
    }

    /** {@return why an ELF search path entry is not relocatable, or null when it starts with $ORIGIN} */
    private static String elfRpathProblem(String e) {
        if (e.equals("$ORIGIN") || e.startsWith("$ORIGIN/") || e.equals("${ORIGIN}") || e.startsWith("${ORIGIN}/")) {
            return null;
        }
        if (e.isEmpty()) {
            return "empty: ld.so reads it as the current directory; use $ORIGIN";
        }
        if (WINDOWS_PATH.matcher(e).matches()) {
            return "a Windows-style path; use $ORIGIN";
        }
        if (e.startsWith("/")) {
            return "absolute: it names a directory of the build machine; use $ORIGIN";
        }
        return "relative to the working directory, not the library; use $ORIGIN";
    }

    /** {@return why a Mach-O LC_RPATH is not relocatable, or null when it is relative to an image} */
    private static String machORpathProblem(String e) {
        for (String prefix : List.of("@loader_path", "@executable_path", "@rpath")) {
            if (e.equals(prefix) || e.startsWith(prefix + "/")) {
                return null;
            }
        }
        return e.startsWith("/") ? "absolute; use @loader_path" : "not relative to an image; use @loader_path";
    }

    private void checkDependencies(BinarySummary s, List<Violation> out) {
        // A Mach-O dylib loaded and re-exported appears twice; say it once.
        List<String> deps = new ArrayList<>(new LinkedHashSet<>(s.needed()));
        int direct = deps.size();
        deps.addAll(s.delayImports());
        for (int i = 0; i < deps.size(); i++) {
            String dep = deps.get(i);
            String how = i < direct ? "" : " (delay-loaded)";
            if (s.format() == BinaryFormat.ELF && dep.toLowerCase(Locale.ROOT).endsWith(".dll")) {
                out.add(new Violation("dll-needed", "DT_NEEDED names the Windows DLL " + dep));
                continue;
            }
            if (BaseSystem.contains(target, dep) || isShipped(s.format(), dep)) {
                continue;
            }
            out.add(new Violation("dependency", "needs " + dep + how + ", which is neither in the " + target.id()
                    + " base system nor among the files checked: ship it alongside or link it statically"));
        }
    }

    private boolean isShipped(BinaryFormat format, String dep) {
        if (format == BinaryFormat.MACHO && !dep.startsWith("@")) {
            return false; // an absolute install name is loaded from that path, whatever is shipped
        }
        return shipped.contains(key(baseName(dep)));
    }

    /** {@return the name as compared: without case for Windows, as its loader compares} */
    private String key(String name) {
        return target.os() == TargetOs.WINDOWS ? name.toLowerCase(Locale.ROOT) : name;
    }

    private static String baseName(String path) {
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }
}
