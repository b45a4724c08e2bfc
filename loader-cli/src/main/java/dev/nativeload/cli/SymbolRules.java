package dev.nativeload.cli;

import dev.nativeload.binary.BinaryFormat;
import dev.nativeload.binary.BinarySummary;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.VersionNeed;
import dev.nativeload.platform.Platform;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.SymbolBinder;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code verify}'s rules about symbols, for ELF files published for a Linux glibc target.
 *
 * <ul>
 *   <li>{@code symbol-version-too-new}: with a glibc ceiling, no {@code GLIBCXX_}, {@code CXXABI_} or
 *       {@code GCC_} version newer than the manylinux policy of that glibc allows
 *       ({@link ManylinuxCeilings});</li>
 *   <li>{@code unresolved-symbol}: the file's dependency tree, resolved with the target's loader (this
 *       machine's libraries standing in for its base system, as {@code tree --target} does), bound as
 *       glibc's {@code ld.so} binds it: no strong reference of the file left undefined (each file
 *       checked answers for its own references). Symbols the JVM itself exports ({@code JNI_*}, {@code JVM_*},
 *       {@code jio_*}) are provided by libjvm in every process that loads JVM natives, and are not
 *       reported. A tree with a dependency not found here is not bound.</li>
 * </ul>
 */
final class SymbolRules {
    private static final Pattern JVM_PROVIDED = Pattern.compile("JNI_.*|JVM_.*|jio_.*");

    private final Platform target;
    private final Optional<ManylinuxCeilings> ceilings;
    private final ResolveHost loader;
    private final DependencyResolver resolver;
    private final SymbolBinder binder;

    /**
     * @param target   the platform the files are published for
     * @param maxGlibc its glibc ceiling, if any
     * @param cwd      the directory relative file names are against
     */
    SymbolRules(Platform target, Optional<GlibcVersion> maxGlibc, Path cwd) {
        this.target = target;
        this.ceilings = maxGlibc.flatMap(ManylinuxCeilings::forGlibc);
        this.loader = ResolveHost.forPlatform(target).withEnv(Map.of()).withCurrentDir(cwd);
        this.resolver = new DependencyResolver(loader);
        this.binder = new SymbolBinder(cwd, SymbolBinder.Recorded.NONE); // the rules read what is unresolved only
    }

    /** {@return whether these rules apply to the target: Linux with glibc} */
    boolean applies() {
        return target.os() == TargetOs.LINUX && target.libc() == LibcFlavor.GLIBC;
    }

    /**
     * Adds the violations of one ELF image.
     *
     * @param path  the file as given
     * @param image its image
     * @param out   where violations go
     */
    void check(String path, BinarySummary image, List<Violation> out) {
        if (!applies() || image.format() != BinaryFormat.ELF) {
            return;
        }
        ceilings.ifPresent(c -> {
            for (VersionNeed need : image.versionNeeds()) {
                for (String version : need.versions()) {
                    c.tooNew(version).ifPresent(allowed -> out.add(new Violation("symbol-version-too-new",
                            "needs " + version + " from " + need.file() + ", newer than " + allowed + ", the newest "
                                    + c.describe() + " allows (glibc " + c.glibc() + "; pypa/auditwheel's manylinux policy)")));
                }
            }
        });
        unresolved(path).forEach(u -> out.add(new Violation("unresolved-symbol", "references " + u.symbol()
                + u.version().map(v -> " (version " + v + ")").orElse("")
                + ", which no library of its dependency tree defines (bound offline as glibc's ld.so binds it, this machine's "
                + "libraries standing in for the " + target.id() + " base system): dlopen with RTLD_NOW fails, and with "
                + "RTLD_LAZY the first call ends the process")));
    }

    private List<UnresolvedSymbol> unresolved(String path) {
        DependencyNode root;
        try {
            root = resolver.resolve(abs(path));
        } catch (IOException | NotABinaryException | MalformedBinaryException unreadable) {
            return List.of(); // the read rule reports the file itself
        }
        if (!root.breadthFirst().stream().allMatch(DependencyNode::found)) {
            return List.of();
        }
        String self = abs(path);
        return binder.bind(root).unresolved().stream()
                .filter(u -> u.object().equals(self))
                .filter(u -> !JVM_PROVIDED.matcher(u.symbol()).matches())
                .toList();
    }

    private String abs(String path) {
        return loader.currentDir().resolve(path).toAbsolutePath().normalize().toString();
    }
}
