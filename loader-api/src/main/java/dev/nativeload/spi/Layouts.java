package dev.nativeload.spi;


import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.platform.LibraryFileNames;
import dev.nativeload.platform.Host;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The layout presets: this project's own ({@code <prefix>/<platform-id>/<file>}) and the ones
 * popular jars already use, so their natives load through the chain unchanged.
 *
 * {@snippet :
 * NativeLoader.builder("jnidispatch").layouts(Layouts.jna()).build().load();   // com/sun/jna/linux-x86-64/libjnidispatch.so
 * NativeLoader.builder("sqlitejdbc").layouts(Layouts.sqliteJdbc()).build().load(); // org/sqlite/native/Linux/x86_64/...
 * }
 */
public final class Layouts {
    private Layouts() {
    }

    /**
     * {@return the default layout: {@code <prefix>/<platform-id>/<file>}, e.g. {@code native/linux-x86_64/libfoo.so}}
     *
     * @param prefix the top directory, {@code native} by default; change it for shaded copies
     */
    public static ResourceLayout classifier(String prefix) {
        return new Classifier(prefix);
    }

    /** {@return JNA's layout: {@code com/sun/jna/<os>-<arch>/}, e.g. {@code com/sun/jna/linux-x86-64/libjnidispatch.so}} */
    public static ResourceLayout jna() {
        return new Jna();
    }

    /** {@return sqlite-jdbc's layout: {@code org/sqlite/native/<OS>/<arch>/}, e.g. {@code org/sqlite/native/Linux/x86_64/}} */
    public static ResourceLayout sqliteJdbc() {
        return new SqliteJdbc();
    }

    /** {@return zstd-jni's layout: {@code <os>/<arch>/}, e.g. {@code linux/amd64/libzstd-jni-1.5.7-28.so}} */
    public static ResourceLayout zstdJni() {
        return new ZstdJni();
    }

    /** {@return Netty's layout: {@code META-INF/native/lib<name>_<os>_<arch>.so}, then the plain name there} */
    public static ResourceLayout netty() {
        return new Netty();
    }

    /**
     * {@return JavaCPP's layout: {@code org/bytedeco/<pkg>/<platform>/}, e.g. {@code org/bytedeco/opencv/linux-x86_64/}}
     *
     * @param pkg the preset's package, e.g. {@code opencv}
     */
    public static ResourceLayout javacpp(String pkg) {
        return new JavaCpp(pkg);
    }

    /**
     * {@code <prefix>/<platform-id>/<file>}.
     *
     * @param prefix the top directory
     */
    record Classifier(String prefix) implements ResourceLayout {
        Classifier {
            ResourceName.of(Objects.requireNonNull(prefix, "prefix"));
        }

        /**
         * {@return a hash of the components, written out}: the record's generated one bootstraps
         * {@code ObjectMethods} on first use, tens of milliseconds in a new JVM, and every first load
         * hashes the default chain's embedded step, which holds this layout.
         */
        @Override
        public int hashCode() {
            return prefix.hashCode();
        }

        @Override
        public String name() {
            return "classifier";
        }

        @Override
        public List<ResourceName> resources(String library, Host host) {
            return inDirectory(prefix + "/" + host.platformId() + "/", fileNames(host, library));
        }
    }

    /** JNA's {@code com/sun/jna/<os>-<arch>/}. */
    record Jna() implements ResourceLayout {
        @Override
        public String name() {
            return "jna";
        }

        @Override
        public List<ResourceName> resources(String library, Host host) {
            String os = switch (host.os()) {
                case MACOS -> "darwin";
                case WINDOWS -> "win32";
                case SOLARIS -> "sunos";
                case DRAGONFLY -> "dragonflybsd";
                default -> host.os().name().toLowerCase(java.util.Locale.ROOT);
            };
            String arch = switch (host.arch().name()) {
                case "x86_64" -> "x86-64";
                default -> host.arch().name();
            };
            return inDirectory("com/sun/jna/" + os + "-" + arch + "/", fileNames(host, library));
        }
    }

    /** sqlite-jdbc's {@code org/sqlite/native/<OS>/<arch>/}. */
    record SqliteJdbc() implements ResourceLayout {
        @Override
        public String name() {
            return "sqlite-jdbc";
        }

        @Override
        public List<ResourceName> resources(String library, Host host) {
            String os = switch (host.os()) {
                case LINUX -> host.libc() == LibcFlavor.MUSL ? "Linux-Musl" : "Linux";
                case ANDROID -> "Linux-Android";
                case MACOS -> "Mac";
                case WINDOWS -> "Windows";
                case FREEBSD -> "FreeBSD";
                default -> host.os().name();
            };
            String arch = switch (host.arch().name()) {
                case "ppc64le" -> "ppc64";
                default -> host.arch().name();
            };
            return inDirectory("org/sqlite/native/" + os + "/" + arch + "/", fileNames(host, library));
        }
    }

    /** zstd-jni's {@code <os>/<arch>/} with Java's {@code os.arch} names ({@code amd64}, {@code i386}). */
    record ZstdJni() implements ResourceLayout {
        @Override
        public String name() {
            return "zstd-jni";
        }

        @Override
        public List<ResourceName> resources(String library, Host host) {
            String os = switch (host.os()) {
                case MACOS -> "darwin";
                case WINDOWS -> "win";
                default -> host.os().name().toLowerCase(java.util.Locale.ROOT);
            };
            String arch = switch (host.arch().name()) {
                case "x86_64" -> host.os() == TargetOs.MACOS ? "x86_64" : "amd64";
                case "x86" -> "i386";
                default -> host.arch().name();
            };
            return inDirectory(os + "/" + arch + "/", fileNames(host, library));
        }
    }

    /** Netty's {@code META-INF/native/lib<name>_<os>_<arch>.so}, then {@code lib<name>.so}. */
    record Netty() implements ResourceLayout {
        @Override
        public String name() {
            return "netty";
        }

        @Override
        public List<ResourceName> resources(String library, Host host) {
            String os = switch (host.os()) {
                case MACOS -> "osx";
                default -> host.os().name().toLowerCase(java.util.Locale.ROOT);
            };
            String arch = switch (host.arch().name()) {
                case "aarch64" -> "aarch_64";
                case "x86" -> "x86_32";
                case "ppc64le" -> "ppcle_64";
                case "s390x" -> "s390_64";
                case "riscv64" -> "riscv64";
                case "loongarch64" -> "loongarch_64";
                default -> host.arch().name();
            };
            List<String> names = new ArrayList<>(fileNames(host, library + "_" + os + "_" + arch));
            names.addAll(fileNames(host, library));
            return inDirectory("META-INF/native/", names);
        }
    }

    /**
     * JavaCPP's {@code org/bytedeco/<pkg>/<platform>/}.
     *
     * @param pkg the preset's package
     */
    record JavaCpp(String pkg) implements ResourceLayout {
        JavaCpp {
            ResourceName.checkFileName(Objects.requireNonNull(pkg, "pkg"));
        }

        @Override
        public String name() {
            return "javacpp";
        }

        @Override
        public List<ResourceName> resources(String library, Host host) {
            String os = switch (host.os()) {
                case MACOS -> "macosx";
                default -> host.os().name().toLowerCase(java.util.Locale.ROOT);
            };
            String arch = switch (host.arch().name()) {
                case "aarch64" -> "arm64";
                case "arm" -> "armhf";
                default -> host.arch().name();
            };
            return inDirectory("org/bytedeco/" + pkg + "/" + os + "-" + arch + "/", fileNames(host, library));
        }
    }

    private static List<String> fileNames(Host host, String library) {
        return new LibraryFileNames(host.os(), library).plain();
    }

    private static List<ResourceName> inDirectory(String dir, List<String> names) {
        List<ResourceName> out = new ArrayList<>();
        for (String n : names) {
            if (ResourceName.isValid(dir + n) && n.indexOf('/') < 0) {
                out.add(ResourceName.of(dir + n));
            }
        }
        return List.copyOf(out);
    }
}
