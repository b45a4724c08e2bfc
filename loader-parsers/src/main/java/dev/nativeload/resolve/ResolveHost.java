package dev.nativeload.resolve;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.Host;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.platform.Platform;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The loader a dependency tree is resolved for, with its settings: an input, so a Linux host can
 * ask how a macOS or Windows tree would resolve (against files on this file system). One record per
 * loader, each with only its own settings: {@link Glibc} ({@code ld.so}), {@link Musl}, {@link Dyld}
 * and {@link Windows}. Build one with {@link #linuxGlibc}, {@link #linuxMusl}, {@link #macos},
 * {@link #windows} or {@link #forPlatform}, and adjust it with its {@code with...} methods;
 * {@link #thisMachine()} describes the running machine.
 */
public sealed interface ResolveHost permits ResolveHost.Glibc, ResolveHost.Musl, ResolveHost.Dyld, ResolveHost.Windows {

    /** The environment variables the emulated loaders read. */
    List<String> ENVIRONMENT_VARIABLES = List.of("LD_LIBRARY_PATH", "DYLD_LIBRARY_PATH", "DYLD_FALLBACK_LIBRARY_PATH",
            "DYLD_FRAMEWORK_PATH", "DYLD_FALLBACK_FRAMEWORK_PATH", "PATH", "SystemRoot");

    /** {@return the platform whose loader is emulated: candidates built for another are skipped} */
    Platform platform();

    /** {@return the environment the loader would see ({@code LD_LIBRARY_PATH}, {@code DYLD_*}, {@code PATH})} */
    Map<String, String> env();

    /** {@return the working directory (relative names and empty path elements use it)} */
    Path currentDir();

    /** {@return this loader with another environment} @param newEnv the variables the loader sees */
    ResolveHost withEnv(Map<String, String> newEnv);

    /** {@return this loader with another working directory} @param dir the current directory */
    ResolveHost withCurrentDir(Path dir);

    /** {@return the operating system} */
    default TargetOs os() {
        return platform().os();
    }

    /** {@return the CPU architecture} */
    default Architecture arch() {
        return platform().arch();
    }

    /** {@return 32 or 64} */
    default int bits() {
        return platform().bits();
    }

    /** {@return the C library} */
    default LibcFlavor libc() {
        return platform().libc();
    }

    /** {@return an environment variable, if set} @param name the variable */
    default Optional<String> getenv(String name) {
        return Optional.ofNullable(env().get(name));
    }

    /**
     * glibc's {@code ld.so}.
     *
     * @param platform             the platform (its libc version, when known, is the host's glibc)
     * @param env                  the environment
     * @param currentDir           the working directory
     * @param secure               secure (setuid/setgid, AT_SECURE) execution: environment paths are
     *                             ignored and {@code $ORIGIN} is restricted
     * @param ldSoCache            the cache file, usually {@code /etc/ld.so.cache}; empty for none
     * @param defaultDirs          the built-in directories, in order
     * @param hwcapsSubdirs        subdirectories tried below every search directory, best first, such as
     *                             {@code glibc-hwcaps/x86-64-v3}; they also select {@code ld.so.cache} entries
     * @param platformName         the value of {@code $PLATFORM} ({@code AT_PLATFORM}, e.g. {@code x86_64})
     * @param lib                  the value of {@code $LIB}, e.g. {@code lib/x86_64-linux-gnu} on Debian
     * @param mainOriginIsRealPath {@code $ORIGIN} of the main program is the directory of its real path
     *                             (true when the kernel starts it); false for {@code ld.so --list}, what {@code ldd} does
     */
    record Glibc(Platform platform, Map<String, String> env, Path currentDir, boolean secure, Optional<Path> ldSoCache,
                 List<Path> defaultDirs, List<String> hwcapsSubdirs, String platformName, String lib,
                 boolean mainOriginIsRealPath) implements ResolveHost {
        public Glibc {
            Objects.requireNonNull(platform, "platform");
            env = Map.copyOf(env);
            Objects.requireNonNull(currentDir, "currentDir");
            Objects.requireNonNull(ldSoCache, "ldSoCache");
            defaultDirs = List.copyOf(defaultDirs);
            hwcapsSubdirs = List.copyOf(hwcapsSubdirs);
            Objects.requireNonNull(platformName, "platformName");
            Objects.requireNonNull(lib, "lib");
        }

        @Override
        public Glibc withEnv(Map<String, String> newEnv) {
            return new Glibc(platform, newEnv, currentDir, secure, ldSoCache, defaultDirs, hwcapsSubdirs, platformName, lib,
                    mainOriginIsRealPath);
        }

        @Override
        public Glibc withCurrentDir(Path dir) {
            return new Glibc(platform, env, dir, secure, ldSoCache, defaultDirs, hwcapsSubdirs, platformName, lib,
                    mainOriginIsRealPath);
        }

        /** {@return this loader in (or out of) secure execution mode} @param newSecure true for setuid-like execution */
        public Glibc withSecure(boolean newSecure) {
            return new Glibc(platform, env, currentDir, newSecure, ldSoCache, defaultDirs, hwcapsSubdirs, platformName, lib,
                    mainOriginIsRealPath);
        }

        /** {@return this loader with another cache file, or none} @param cache the {@code ld.so.cache} to read */
        public Glibc withLdSoCache(Optional<Path> cache) {
            return new Glibc(platform, env, currentDir, secure, cache, defaultDirs, hwcapsSubdirs, platformName, lib,
                    mainOriginIsRealPath);
        }

        /** {@return this loader with other default directories} @param dirs the built-in directories */
        public Glibc withDefaultDirs(List<Path> dirs) {
            return new Glibc(platform, env, currentDir, secure, ldSoCache, dirs, hwcapsSubdirs, platformName, lib,
                    mainOriginIsRealPath);
        }

        /** {@return this loader with hwcaps subdirectories, best first} @param subdirs e.g. {@code glibc-hwcaps/x86-64-v2} */
        public Glibc withHwcapsSubdirs(List<String> subdirs) {
            return new Glibc(platform, env, currentDir, secure, ldSoCache, defaultDirs, subdirs, platformName, lib,
                    mainOriginIsRealPath);
        }

        /** {@return this loader with the host's glibc version} @param version e.g. {@code "2.36"} */
        public Glibc withLibcVersion(String version) {
            return new Glibc(platform.withLibcVersion(version), env, currentDir, secure, ldSoCache, defaultDirs, hwcapsSubdirs,
                    platformName, lib, mainOriginIsRealPath);
        }

        /** {@return this loader with other {@code $PLATFORM} and {@code $LIB} values} @param newPlatform AT_PLATFORM @param newLib $LIB */
        public Glibc withPlatformAndLib(String newPlatform, String newLib) {
            return new Glibc(platform, env, currentDir, secure, ldSoCache, defaultDirs, hwcapsSubdirs, newPlatform, newLib,
                    mainOriginIsRealPath);
        }

        /** {@return this loader with the main program's {@code $ORIGIN} rule} @param realPath see {@link #mainOriginIsRealPath} */
        public Glibc withMainOriginIsRealPath(boolean realPath) {
            return new Glibc(platform, env, currentDir, secure, ldSoCache, defaultDirs, hwcapsSubdirs, platformName, lib, realPath);
        }
    }

    /**
     * musl's dynamic linker.
     *
     * @param platform             the platform
     * @param env                  the environment
     * @param currentDir           the working directory
     * @param secure               secure execution: {@code LD_LIBRARY_PATH} is ignored
     * @param muslPathFile         {@code /etc/ld-musl-ARCH.path}, read at resolve time when it exists; empty for none
     * @param defaultDirs          the directories used when there is no path file
     * @param mainOriginIsRealPath as for {@link Glibc#mainOriginIsRealPath()}
     */
    record Musl(Platform platform, Map<String, String> env, Path currentDir, boolean secure, Optional<Path> muslPathFile,
                List<Path> defaultDirs, boolean mainOriginIsRealPath) implements ResolveHost {
        public Musl {
            Objects.requireNonNull(platform, "platform");
            env = Map.copyOf(env);
            Objects.requireNonNull(currentDir, "currentDir");
            Objects.requireNonNull(muslPathFile, "muslPathFile");
            defaultDirs = List.copyOf(defaultDirs);
        }

        @Override
        public Musl withEnv(Map<String, String> newEnv) {
            return new Musl(platform, newEnv, currentDir, secure, muslPathFile, defaultDirs, mainOriginIsRealPath);
        }

        @Override
        public Musl withCurrentDir(Path dir) {
            return new Musl(platform, env, dir, secure, muslPathFile, defaultDirs, mainOriginIsRealPath);
        }

        /** {@return this loader in (or out of) secure execution mode} @param newSecure true for setuid-like execution */
        public Musl withSecure(boolean newSecure) {
            return new Musl(platform, env, currentDir, newSecure, muslPathFile, defaultDirs, mainOriginIsRealPath);
        }

        /** {@return this loader with musl's path file} @param file the {@code ld-musl-ARCH.path} to read, or none */
        public Musl withMuslPathFile(Optional<Path> file) {
            return new Musl(platform, env, currentDir, secure, file, defaultDirs, mainOriginIsRealPath);
        }

        /** {@return this loader with other default directories} @param dirs the directories */
        public Musl withDefaultDirs(List<Path> dirs) {
            return new Musl(platform, env, currentDir, secure, muslPathFile, dirs, mainOriginIsRealPath);
        }

        /** {@return this loader with the main program's {@code $ORIGIN} rule} @param realPath see {@link #mainOriginIsRealPath} */
        public Musl withMainOriginIsRealPath(boolean realPath) {
            return new Musl(platform, env, currentDir, secure, muslPathFile, defaultDirs, realPath);
        }
    }

    /**
     * macOS's dyld.
     *
     * @param platform             the platform
     * @param env                  the environment
     * @param currentDir           the working directory
     * @param secure               a restricted process: every {@code DYLD_*} variable is ignored
     * @param defaultDirs          the default {@code DYLD_FALLBACK_LIBRARY_PATH}, in order
     * @param defaultFrameworkDirs the default {@code DYLD_FALLBACK_FRAMEWORK_PATH}, in order
     */
    record Dyld(Platform platform, Map<String, String> env, Path currentDir, boolean secure, List<Path> defaultDirs,
                List<Path> defaultFrameworkDirs) implements ResolveHost {
        public Dyld {
            Objects.requireNonNull(platform, "platform");
            env = Map.copyOf(env);
            Objects.requireNonNull(currentDir, "currentDir");
            defaultDirs = List.copyOf(defaultDirs);
            defaultFrameworkDirs = List.copyOf(defaultFrameworkDirs);
        }

        @Override
        public Dyld withEnv(Map<String, String> newEnv) {
            return new Dyld(platform, newEnv, currentDir, secure, defaultDirs, defaultFrameworkDirs);
        }

        @Override
        public Dyld withCurrentDir(Path dir) {
            return new Dyld(platform, env, dir, secure, defaultDirs, defaultFrameworkDirs);
        }

        /** {@return this loader in (or out of) restricted mode} @param newSecure true for a restricted process */
        public Dyld withSecure(boolean newSecure) {
            return new Dyld(platform, env, currentDir, newSecure, defaultDirs, defaultFrameworkDirs);
        }

        /** {@return this loader with other default fallback directories} @param dirs the directories */
        public Dyld withDefaultDirs(List<Path> dirs) {
            return new Dyld(platform, env, currentDir, secure, dirs, defaultFrameworkDirs);
        }

        /** {@return this loader with other default framework directories} @param dirs dyld's default fallback framework path */
        public Dyld withDefaultFrameworkDirs(List<Path> dirs) {
            return new Dyld(platform, env, currentDir, secure, defaultDirs, dirs);
        }
    }

    /**
     * The Windows loader.
     *
     * @param platform   the platform
     * @param env        the environment ({@code PATH})
     * @param currentDir the working directory
     * @param knownDlls  KnownDLLs (case-insensitive names), always taken from {@link #systemDir}
     * @param systemDir  the system directory (System32)
     * @param windowsDir the Windows directory, searched after System32 in the standard order
     * @param mode       which search order applies
     */
    record Windows(Platform platform, Map<String, String> env, Path currentDir, Set<String> knownDlls, Path systemDir,
                   Optional<Path> windowsDir, WindowsSearchMode mode) implements ResolveHost {
        public Windows {
            Objects.requireNonNull(platform, "platform");
            env = Map.copyOf(env);
            Objects.requireNonNull(currentDir, "currentDir");
            TreeSet<String> known = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            known.addAll(knownDlls);
            knownDlls = Collections.unmodifiableSet(known);
            Objects.requireNonNull(systemDir, "systemDir");
            Objects.requireNonNull(windowsDir, "windowsDir");
            Objects.requireNonNull(mode, "mode");
        }

        @Override
        public Windows withEnv(Map<String, String> newEnv) {
            return new Windows(platform, newEnv, currentDir, knownDlls, systemDir, windowsDir, mode);
        }

        @Override
        public Windows withCurrentDir(Path dir) {
            return new Windows(platform, env, dir, knownDlls, systemDir, windowsDir, mode);
        }

        /** {@return this loader with a KnownDLLs list} @param names DLL names, any case */
        public Windows withKnownDlls(Set<String> names) {
            return new Windows(platform, env, currentDir, names, systemDir, windowsDir, mode);
        }

        /** {@return this loader with a Windows directory} @param dir the directory playing {@code C:\Windows} */
        public Windows withWindowsDir(Path dir) {
            return new Windows(platform, env, currentDir, knownDlls, systemDir, Optional.of(dir), mode);
        }

        /** {@return this loader with another search order} @param newMode the order */
        public Windows withWindowsMode(WindowsSearchMode newMode) {
            return new Windows(platform, env, currentDir, knownDlls, systemDir, windowsDir, newMode);
        }
    }

    /** How the Windows loader searches for the imports of the image being loaded. */
    enum WindowsSearchMode {
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

    /**
     * {@return glibc's {@code ld.so} with the Debian multiarch layout}: default directories
     * {@code /lib/TRIPLET}, {@code /usr/lib/TRIPLET}, {@code /lib}, {@code /usr/lib}, cache
     * {@code /etc/ld.so.cache}, no hwcaps subdirectories, an empty environment, working directory "/"
     *
     * @param arch the architecture
     */
    static Glibc linuxGlibc(Architecture arch) {
        Platform p = Platform.of(TargetOs.LINUX, arch, LibcFlavor.GLIBC);
        String triplet = p.multiarchTriplet().orElseThrow();
        return new Glibc(p, Map.of(), Path.of("/"), false, Optional.of(Path.of("/etc/ld.so.cache")),
                List.of(Path.of("/lib", triplet), Path.of("/usr/lib", triplet), Path.of("/lib"), Path.of("/usr/lib")),
                List.of(), platformName(arch), "lib/" + triplet, true);
    }

    /**
     * {@return musl's linker}: {@code /etc/ld-musl-ARCH.path} when it exists is read at resolve
     * time, then {@code /lib}, {@code /usr/local/lib}, {@code /usr/lib}
     *
     * @param arch the architecture
     */
    static Musl linuxMusl(Architecture arch) {
        return new Musl(Platform.of(TargetOs.LINUX, arch, LibcFlavor.MUSL), Map.of(), Path.of("/"), false,
                Optional.of(Path.of("/etc/ld-musl-" + muslArch(arch) + ".path")),
                List.of(Path.of("/lib"), Path.of("/usr/local/lib"), Path.of("/usr/lib")), true);
    }

    /**
     * {@return macOS's dyld}: fallback directories {@code /usr/local/lib}, {@code /usr/lib} (dyld's
     * default {@code DYLD_FALLBACK_LIBRARY_PATH}) and fallback framework directories
     * {@code /Library/Frameworks}, {@code /System/Library/Frameworks} (its default
     * {@code DYLD_FALLBACK_FRAMEWORK_PATH}; dyld no longer searches {@code ~/Library/Frameworks})
     *
     * @param arch the architecture ({@code aarch64} or {@code x86_64})
     */
    static Dyld macos(Architecture arch) {
        Platform p = Platform.of(TargetOs.MACOS, arch, LibcFlavor.NOT_APPLICABLE);
        return new Dyld(new Platform(p.os(), p.arch(), 64, p.byteOrder(), p.libc(), p.libcVersion()), Map.of(), Path.of("/"),
                false, List.of(Path.of("/usr/local/lib"), Path.of("/usr/lib")),
                List.of(Path.of("/Library/Frameworks"), Path.of("/System/Library/Frameworks")));
    }

    /**
     * {@return the Windows loader whose system directory (System32) is {@code systemDir}}, standard
     * search order, the KnownDLLs list empty until {@link Windows#withKnownDlls} supplies one
     *
     * @param arch      the architecture ({@code x86_64}, {@code x86}, {@code aarch64})
     * @param systemDir the directory playing System32
     */
    static Windows windows(Architecture arch, Path systemDir) {
        return new Windows(Platform.of(TargetOs.WINDOWS, arch, LibcFlavor.NOT_APPLICABLE), Map.of(), Path.of("/"), Set.of(),
                systemDir, Optional.empty(), WindowsSearchMode.STANDARD);
    }

    /**
     * {@return the loader of a platform with its defaults} (the Windows system directory from
     * {@code %SystemRoot%}, else {@code C:\Windows\System32})
     *
     * @param platform the platform
     */
    static ResolveHost forPlatform(Platform platform) {
        ResolveHost base = switch (platform.os()) {
            case MACOS -> macos(platform.arch());
            case WINDOWS -> {
                String root = Optional.ofNullable(System.getenv("SystemRoot")).orElse("C:\\Windows");
                yield windows(platform.arch(), Path.of(root, "System32")).withWindowsDir(Path.of(root));
            }
            default -> platform.libc() == LibcFlavor.MUSL ? linuxMusl(platform.arch()) : linuxGlibc(platform.arch());
        };
        return platform.libcVersion().isPresent() && base instanceof Glibc g ? g.withLibcVersion(platform.libcVersion().get())
                : base;
    }

    /**
     * {@return the running machine, as far as its files tell}: {@link HostProbe}'s platform, the
     * process environment and working directory, and on x86-64 glibc the {@code glibc-hwcaps}
     * levels this CPU supports
     */
    static ResolveHost thisMachine() {
        return forHost(HostProbe.fromFiles()).withEnv(System.getenv()).withCurrentDir(Path.of("").toAbsolutePath());
    }

    /**
     * {@return the loader of a host}: {@link #forPlatform} with, for glibc, the hwcaps levels this CPU supports
     *
     * @param host the host
     */
    static ResolveHost forHost(Host host) {
        ResolveHost base = forPlatform(host.platform());
        return base instanceof Glibc g ? g.withHwcapsSubdirs(HostProbe.hwcapsSubdirs()) : base;
    }

    private static String platformName(Architecture arch) {
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
