package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The machine a dependency tree is resolved for: an input, so a Linux host can ask how a macOS or
 * Windows tree would resolve (against files on this file system). Build one with {@link #linuxGlibc},
 * {@link #linuxMusl}, {@link #macos} or {@link #windows} and adjust it with the {@code with...}
 * methods; {@link HostProbe#thisMachine()} describes the running machine.
 *
 * @param os              the operating system whose loader is emulated
 * @param arch            the CPU architecture; ELF candidates of another machine are skipped
 * @param bits            32 or 64; ELF candidates of the other class are skipped
 * @param libc            the C library (glibc and musl search differently)
 * @param libcVersion     the C library's version, such as {@code "2.36"}, when known
 * @param env             the environment the loader would see ({@code LD_LIBRARY_PATH}, {@code DYLD_*}, {@code PATH})
 * @param secure          secure (setuid/setgid, AT_SECURE) execution: environment paths are ignored and
 *                        {@code $ORIGIN} is restricted (see {@link GlibcSearch})
 * @param ldSoCache       glibc's cache file, usually {@code /etc/ld.so.cache}; empty for none
 * @param defaultDirs     the loader's built-in directories, in order (dyld: the default
 *                        {@code DYLD_FALLBACK_LIBRARY_PATH})
 * @param defaultFrameworkDirs dyld: the default {@code DYLD_FALLBACK_FRAMEWORK_PATH}, in order; empty elsewhere
 * @param hwcapsSubdirs   glibc: subdirectories tried below every search directory, best first,
 *                        such as {@code glibc-hwcaps/x86-64-v3}; their {@code glibc-hwcaps/} names
 *                        also select {@code ld.so.cache} entries
 * @param platform        the value of {@code $PLATFORM} (glibc's {@code AT_PLATFORM}, e.g. {@code x86_64})
 * @param lib             the value of {@code $LIB}, e.g. {@code lib/x86_64-linux-gnu} on Debian, {@code lib64} on Fedora
 * @param muslPathFile    musl's {@code /etc/ld-musl-ARCH.path}; empty when there is none
 * @param currentDir      the working directory (relative names and empty path elements use it)
 * @param mainOriginIsRealPath glibc: {@code $ORIGIN} of the main program is the directory of its real path
 *                        (true when the kernel starts it, which reads {@code /proc/self/exe}); false for
 *                        {@code ld.so --list} (what {@code ldd} does), which uses the path as given
 * @param knownDlls       Windows KnownDLLs (case-insensitive names), always taken from {@link #systemDir}
 * @param systemDir       Windows system directory (System32)
 * @param windowsDir      Windows directory, searched after System32 in the standard order
 * @param windowsMode     which Windows search order applies
 */
public record ResolveHost(TargetOs os, Architecture arch, int bits, LibcFlavor libc, Optional<String> libcVersion,
                          Map<String, String> env, boolean secure, Optional<Path> ldSoCache, List<Path> defaultDirs,
                          List<Path> defaultFrameworkDirs, List<String> hwcapsSubdirs, String platform, String lib, Optional<Path> muslPathFile,
                          Path currentDir, boolean mainOriginIsRealPath, Set<String> knownDlls,
                          Optional<Path> systemDir, Optional<Path> windowsDir, WindowsSearchMode windowsMode) {

    /** How the Windows loader searches for the imports of the image being loaded. */
    public enum WindowsSearchMode {
        /**
         * The standard order (SafeDllSearchMode): KnownDLLs, application directory, System32, Windows
         * directory, current directory, {@code PATH}.
         */
        STANDARD,
        /**
         * {@code LoadLibraryExW} with {@code LOAD_LIBRARY_SEARCH_DLL_LOAD_DIR | LOAD_LIBRARY_SEARCH_DEFAULT_DIRS},
         * what the runtime uses for an absolute path: KnownDLLs, the loaded DLL's directory, the
         * application directory, System32; never {@code PATH} or the current directory.
         */
        DLL_LOAD_DIR_AND_DEFAULT_DIRS
    }

    /** Rejects null components and a word size other than 32 or 64, and keeps unmodifiable copies of the collections. */
    public ResolveHost {
        Objects.requireNonNull(os, "os");
        Objects.requireNonNull(arch, "arch");
        Objects.requireNonNull(libc, "libc");
        Objects.requireNonNull(libcVersion, "libcVersion");
        Objects.requireNonNull(ldSoCache, "ldSoCache");
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(lib, "lib");
        Objects.requireNonNull(muslPathFile, "muslPathFile");
        Objects.requireNonNull(currentDir, "currentDir");
        Objects.requireNonNull(systemDir, "systemDir");
        Objects.requireNonNull(windowsDir, "windowsDir");
        Objects.requireNonNull(windowsMode, "windowsMode");
        if (bits != 32 && bits != 64) {
            throw new IllegalArgumentException("bits must be 32 or 64: " + bits);
        }
        env = Map.copyOf(env);
        defaultDirs = List.copyOf(defaultDirs);
        defaultFrameworkDirs = List.copyOf(defaultFrameworkDirs);
        hwcapsSubdirs = List.copyOf(hwcapsSubdirs);
        TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        known.addAll(knownDlls);
        knownDlls = java.util.Collections.unmodifiableSet(known);
    }

    /**
     * {@return a glibc Linux host with the Debian multiarch layout}: default directories
     * {@code /lib/TRIPLET}, {@code /usr/lib/TRIPLET}, {@code /lib}, {@code /usr/lib}, cache
     * {@code /etc/ld.so.cache}, no hwcaps subdirectories, an empty environment.
     *
     * @param arch the architecture
     */
    public static ResolveHost linuxGlibc(Architecture arch) {
        String triplet = multiarchTriplet(arch);
        return blank(TargetOs.LINUX, arch, bitsOf(arch)).with(d -> {
            d.libc = LibcFlavor.GLIBC;
            d.ldSoCache = Optional.of(Path.of("/etc/ld.so.cache"));
            d.defaultDirs = List.of(Path.of("/lib", triplet), Path.of("/usr/lib", triplet), Path.of("/lib"), Path.of("/usr/lib"));
            d.platform = platformOf(arch);
            d.lib = "lib/" + triplet;
        });
    }

    /**
     * {@return a musl Linux host}: {@code /etc/ld-musl-ARCH.path} when it exists is read at resolve
     * time, then {@code /lib}, {@code /usr/local/lib}, {@code /usr/lib}
     *
     * @param arch the architecture
     */
    public static ResolveHost linuxMusl(Architecture arch) {
        return blank(TargetOs.LINUX, arch, bitsOf(arch)).with(d -> {
            d.libc = LibcFlavor.MUSL;
            d.defaultDirs = List.of(Path.of("/lib"), Path.of("/usr/local/lib"), Path.of("/usr/lib"));
            d.platform = platformOf(arch);
            d.lib = "lib";
            d.muslPathFile = Optional.of(Path.of("/etc/ld-musl-" + muslArch(arch) + ".path"));
        });
    }

    /**
     * {@return a macOS host}: fallback directories {@code /usr/local/lib}, {@code /usr/lib} (dyld's
     * default {@code DYLD_FALLBACK_LIBRARY_PATH}) and fallback framework directories
     * {@code /Library/Frameworks}, {@code /System/Library/Frameworks} (its default
     * {@code DYLD_FALLBACK_FRAMEWORK_PATH}; dyld no longer searches {@code ~/Library/Frameworks})
     *
     * @param arch the architecture ({@code aarch64} or {@code x86_64})
     */
    public static ResolveHost macos(Architecture arch) {
        return blank(TargetOs.MACOS, arch, 64).with(d -> {
            d.defaultDirs = List.of(Path.of("/usr/local/lib"), Path.of("/usr/lib"));
            d.defaultFrameworkDirs = List.of(Path.of("/Library/Frameworks"), Path.of("/System/Library/Frameworks"));
        });
    }

    /**
     * {@return a Windows host whose system directory (System32) is {@code systemDir}}, standard search
     * order, the KnownDLLs list empty until {@link #withKnownDlls} supplies one
     *
     * @param arch      the architecture ({@code x86_64}, {@code x86}, {@code aarch64})
     * @param systemDir the directory playing System32
     */
    public static ResolveHost windows(Architecture arch, Path systemDir) {
        return blank(TargetOs.WINDOWS, arch, bitsOf(arch)).with(d -> d.systemDir = Optional.of(systemDir));
    }

    /** A host with nothing but its OS and CPU: no C library, no directories, an empty environment, working directory "/". */
    private static ResolveHost blank(TargetOs os, Architecture arch, int bits) {
        return new ResolveHost(os, arch, bits, LibcFlavor.NOT_APPLICABLE, Optional.empty(), Map.of(), false, Optional.empty(),
                List.of(), List.of(), List.of(), "", "", Optional.empty(), Path.of("/"), true, Set.of(), Optional.empty(),
                Optional.empty(), WindowsSearchMode.STANDARD);
    }

    /**

     * {@return this host with another environment}

     *

     * @param newEnv the variables the loader sees

     */
    public ResolveHost withEnv(Map<String, String> newEnv) {
        return with(d -> d.env = newEnv);
    }

    /**

     * {@return this host in (or out of) secure execution mode}

     *

     * @param newSecure true for setuid-like execution

     */
    public ResolveHost withSecure(boolean newSecure) {
        return with(d -> d.secure = newSecure);
    }

    /**

     * {@return this host with another cache file, or none}

     *

     * @param cache the {@code ld.so.cache} to read

     */
    public ResolveHost withLdSoCache(Optional<Path> cache) {
        return with(d -> d.ldSoCache = cache);
    }

    /**

     * {@return this host with other default directories}

     *

     * @param dirs the loader's built-in directories

     */
    public ResolveHost withDefaultDirs(List<Path> dirs) {
        return with(d -> d.defaultDirs = dirs);
    }

    /**

     * {@return this host with other default framework directories}

     *

     * @param dirs dyld's default fallback framework path

     */
    public ResolveHost withDefaultFrameworkDirs(List<Path> dirs) {
        return with(d -> d.defaultFrameworkDirs = dirs);
    }

    /**

     * {@return this host with hwcaps subdirectories, best first}

     *

     * @param subdirs e.g. {@code glibc-hwcaps/x86-64-v2}

     */
    public ResolveHost withHwcapsSubdirs(List<String> subdirs) {
        return with(d -> d.hwcapsSubdirs = subdirs);
    }

    /**

     * {@return this host with a libc version}

     *

     * @param version e.g. {@code "2.36"}

     */
    public ResolveHost withLibcVersion(String version) {
        return with(d -> d.libcVersion = Optional.of(version));
    }

    /**

     * {@return this host with other {@code $PLATFORM} and {@code $LIB} values}

     *

     * @param newPlatform AT_PLATFORM

     * @param newLib $LIB

     */
    public ResolveHost withPlatformAndLib(String newPlatform, String newLib) {
        return with(d -> {
            d.platform = newPlatform;
            d.lib = newLib;
        });
    }

    /**

     * {@return this host with musl's path file}

     *

     * @param file the {@code ld-musl-ARCH.path} to read, or none

     */
    public ResolveHost withMuslPathFile(Optional<Path> file) {
        return with(d -> d.muslPathFile = file);
    }

    /**

     * {@return this host with another working directory}

     *

     * @param dir the current directory

     */
    public ResolveHost withCurrentDir(Path dir) {
        return with(d -> d.currentDir = dir);
    }

    /**

     * {@return this host with the main program's {@code $ORIGIN} rule}

     *

     * @param realPath see {@link #mainOriginIsRealPath}

     */
    public ResolveHost withMainOriginIsRealPath(boolean realPath) {
        return with(d -> d.mainOriginIsRealPath = realPath);
    }

    /**

     * {@return this host with a KnownDLLs list}

     *

     * @param names DLL names, any case

     */
    public ResolveHost withKnownDlls(Set<String> names) {
        return with(d -> d.knownDlls = names);
    }

    /**

     * {@return this host with a Windows directory}

     *

     * @param dir the directory playing {@code C:\Windows}

     */
    public ResolveHost withWindowsDir(Path dir) {
        return with(d -> d.windowsDir = Optional.of(dir));
    }

    /**

     * {@return this host with another Windows search order}

     *

     * @param mode the order

     */
    public ResolveHost withWindowsMode(WindowsSearchMode mode) {
        return with(d -> d.windowsMode = mode);
    }

    /** {@return this host with the changes a {@link Draft} of it receives} */
    private ResolveHost with(Consumer<Draft> change) {
        Draft d = new Draft(this);
        change.accept(d);
        return d.build();
    }

    /** The components as fields to assign, so each {@code with...} names only what it changes. */
    private static final class Draft {
        private final TargetOs os;
        private final Architecture arch;
        private final int bits;
        private LibcFlavor libc;
        private Optional<String> libcVersion;
        private Map<String, String> env;
        private boolean secure;
        private Optional<Path> ldSoCache;
        private List<Path> defaultDirs;
        private List<Path> defaultFrameworkDirs;
        private List<String> hwcapsSubdirs;
        private String platform;
        private String lib;
        private Optional<Path> muslPathFile;
        private Path currentDir;
        private boolean mainOriginIsRealPath;
        private Set<String> knownDlls;
        private Optional<Path> systemDir;
        private Optional<Path> windowsDir;
        private WindowsSearchMode windowsMode;

        private Draft(ResolveHost h) {
            os = h.os;
            arch = h.arch;
            bits = h.bits;
            libc = h.libc;
            libcVersion = h.libcVersion;
            env = h.env;
            secure = h.secure;
            ldSoCache = h.ldSoCache;
            defaultDirs = h.defaultDirs;
            defaultFrameworkDirs = h.defaultFrameworkDirs;
            hwcapsSubdirs = h.hwcapsSubdirs;
            platform = h.platform;
            lib = h.lib;
            muslPathFile = h.muslPathFile;
            currentDir = h.currentDir;
            mainOriginIsRealPath = h.mainOriginIsRealPath;
            knownDlls = h.knownDlls;
            systemDir = h.systemDir;
            windowsDir = h.windowsDir;
            windowsMode = h.windowsMode;
        }

        private ResolveHost build() {
            return new ResolveHost(os, arch, bits, libc, libcVersion, env, secure, ldSoCache, defaultDirs,
                    defaultFrameworkDirs, hwcapsSubdirs, platform, lib, muslPathFile, currentDir, mainOriginIsRealPath,
                    knownDlls, systemDir, windowsDir, windowsMode);
        }
    }

    /**

     * {@return an environment variable, if set}

     *

     * @param name the variable

     */
    public Optional<String> getenv(String name) {
        return Optional.ofNullable(env.get(name));
    }

    /**

     * {@return the Debian multiarch triplet of an architecture}

     *

     * @param arch the architecture

     */
    public static String multiarchTriplet(Architecture arch) {
        return switch (arch.name()) {
            case "x86_64" -> "x86_64-linux-gnu";
            case "x86" -> "i386-linux-gnu";
            case "aarch64" -> "aarch64-linux-gnu";
            case "arm" -> "arm-linux-gnueabihf";
            case "riscv64" -> "riscv64-linux-gnu";
            case "ppc64le" -> "powerpc64le-linux-gnu";
            case "ppc64" -> "powerpc64-linux-gnu";
            case "s390x" -> "s390x-linux-gnu";
            case "loongarch64" -> "loongarch64-linux-gnu";
            case "mips64el" -> "mips64el-linux-gnuabi64";
            default -> arch.name() + "-linux-gnu";
        };
    }

    private static int bitsOf(Architecture arch) {
        return switch (arch.name()) {
            case "x86", "arm", "riscv32", "ppc", "mips", "mipsel" -> 32;
            default -> 64;
        };
    }

    private static String platformOf(Architecture arch) {
        return switch (arch.name()) {
            case "x86" -> "i686";
            case "arm" -> "v7l";
            default -> arch.name();
        };
    }

    private static String muslArch(Architecture arch) {
        return switch (arch.name()) {
            case "x86" -> "i386";
            case "arm" -> "armhf";
            case "ppc64le" -> "powerpc64le";
            default -> arch.name().toLowerCase(Locale.ROOT);
        };
    }
}
