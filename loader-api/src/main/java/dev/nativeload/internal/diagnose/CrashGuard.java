package dev.nativeload.internal.diagnose;

import dev.nativeload.report.FailureKind;
import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.binary.elf.ElfFile;
import dev.nativeload.binary.elf.ElfLoadHeaders;
import dev.nativeload.binary.elf.ProgramHeader;
import dev.nativeload.platform.Host;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.Tried;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Refuses, before {@code dlopen}, what is known to kill or hang the process instead of failing:
 * segments that reach past the end of the file (glibc maps them and dies of {@code SIGBUS}), a file
 * that changes while it is read (another process still writing it), a FIFO or device where the loader
 * would open a dependency (its {@code open} waits forever), and code marked for an x86-64 ISA level
 * this CPU lacks. The library and every dependency the resolver finds are checked, except glibc's own
 * libraries, which every JVM on glibc has loaded already.
 *
 * <p>Only ELF hosts (Linux) are checked; elsewhere, and for a file whose headers cannot be read, it
 * says nothing and the OS decides.
 */
public final class CrashGuard {
    /**
     * glibc's own libraries, which libjvm and the launcher need: loaded in every HotSpot process on glibc,
     * so the loader matches them by name and opens no file for them.
     */
    private static final Set<String> IN_EVERY_JVM = Set.of("libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0",
            "librt.so.1", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "ld-linux.so.2", "ld-linux-armhf.so.3",
            "ld64.so.1", "ld64.so.2", "ld-linux-riscv64-lp64d.so.1");
    private static final String REPLACE = "replace it with a complete copy (reinstall, or delete it so it is extracted again)";

    private final ResolveHost loader;
    private final Host host;
    private final Supplier<Optional<CpuFlags>> cpu;

    /**
     * @param host the host the library is to load on
     * @param cpu  this CPU's flags (tests pass another CPU's)
     */
    public CrashGuard(Host host, Supplier<Optional<CpuFlags>> cpu) {
        this(host, ResolveHost.forHost(host), cpu);
    }

    /**
     * @param host   the host
     * @param loader the loader whose search finds the dependencies: the load's own host and environment
     * @param cpu    the CPU's flags, when known
     */
    public CrashGuard(Host host, ResolveHost loader, Supplier<Optional<CpuFlags>> cpu) {
        this.host = Objects.requireNonNull(host, "host");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.cpu = Objects.requireNonNull(cpu, "cpu");
    }

    /**
     * @param host   the host; the CPU is this machine's ({@code /proc/cpuinfo})
     * @param loader the loader whose search finds the dependencies
     */
    public CrashGuard(Host host, ResolveHost loader) {
        this(host, loader, CpuFlags::thisCpu);
    }

    /**
     * {@return why loading {@code file} would crash or hang the process, or empty when nothing known says so}
     *
     * @param file an existing regular file the other checks accepted
     */
    public Optional<Diagnosis> check(Path file) {
        if (host.os() != TargetOs.LINUX) {
            return Optional.empty();
        }
        Optional<Diagnosis> own = checkObject(file);
        if (own.isPresent()) {
            return own;
        }
        return checkDependencies(file);
    }

    /** The checks of one object's own file (a dependency's diagnosis the caller completes). */
    private Optional<Diagnosis> checkObject(Path file) {
        String name = String.valueOf(file.getFileName());
        Optional<BasicFileAttributes> before = attributes(file);
        ElfLoadHeaders headers;
        try {
            headers = ElfLoadHeaders.read(file);
        } catch (IOException | MalformedBinaryException unreadable) {
            return Optional.empty();
        }
        Optional<BasicFileAttributes> after = attributes(file);
        if (before.isPresent() && after.isPresent() && changed(before.get(), after.get())) {
            return Optional.of(Diagnosis.of(FailureKind.TRUNCATED,
                    name + " changed while it was read (" + before.get().size() + " bytes, then " + after.get().size()
                            + "): another process is still writing it, and mapping a file that changes can crash the process",
                    "wait until the writer is done; a tool that installs libraries should write a new file and rename it into place"));
        }
        Optional<ProgramHeader> pastEnd = headers.segmentPastEnd();
        if (pastEnd.isPresent()) {
            ProgramHeader p = pastEnd.get();
            return Optional.of(Diagnosis.of(FailureKind.TRUNCATED,
                    name + " is " + headers.fileSize() + " bytes, but its program headers need " + headers.extent()
                            + " (a " + p.type() + " segment at offset 0x" + Long.toHexString(p.offset()) + " of 0x"
                            + Long.toHexString(p.filesz()) + " bytes): the file was cut short, and mapping it would kill the process with SIGBUS",
                    "the file is incomplete (an interrupted download, copy or extraction): " + REPLACE));
        }
        if (host.arch().equals(Architecture.X86_64) && headers.x86IsaNeeded().isPresent()) {
            long bits = headers.x86IsaNeeded().getAsLong();
            Optional<List<String>> missing = cpu.get().map(flags -> flags.missingFor(bits)).filter(m -> !m.isEmpty());
            if (missing.isPresent()) {
                String level = CpuFlags.levelName(bits);
                return Optional.of(Diagnosis.of(FailureKind.WRONG_ARCHITECTURE,
                        name + " is marked as needing " + level + " (its GNU property note), but this CPU lacks "
                                + String.join(", ", missing.get()) + " (/proc/cpuinfo): glibc refuses it (\"CPU ISA level is lower than "
                                + "required\"), and where nothing checks the mark its code dies of SIGILL",
                        "use a build of " + name + " for an older x86-64 level (built without -march=native or -m"
                                + missing.get().getFirst() + "), or run on a CPU that has " + String.join(", ", missing.get())));
            }
        }
        return Optional.empty();
    }

    private Optional<Diagnosis> checkDependencies(Path file) {
        try {
            List<String> needed = ElfFile.read(file).needed();
            if (host.libc() == LibcFlavor.GLIBC && IN_EVERY_JVM.containsAll(needed)) {
                return Optional.empty(); // nothing the loader would open: these are loaded already
            }
        } catch (IOException | MalformedBinaryException unreadable) {
            return Optional.empty();
        }
        DependencyNode root;
        try {
            root = new DependencyResolver(loader).resolve(file.toString());
        } catch (IOException | NotABinaryException | MalformedBinaryException unreadable) {
            return Optional.empty();
        }
        Deque<Parented> todo = new ArrayDeque<>();
        root.children().forEach(c -> todo.add(new Parented(c, root)));
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            Parented next = todo.poll();
            DependencyNode node = next.node();
            if (host.libc() == LibcFlavor.GLIBC && IN_EVERY_JVM.contains(node.name())) {
                continue;
            }
            String by = next.parent().path().orElse(next.parent().name());
            for (Tried tried : node.tried()) {
                Optional<Diagnosis> blocking = blocking(tried.path(), node.name(), by);
                if (blocking.isPresent()) {
                    return blocking;
                }
            }
            if (node.path().isEmpty() || !seen.add(node.path().get())) {
                continue;
            }
            Optional<Diagnosis> blocking = blocking(node.path().get(), node.name(), by);
            if (blocking.isPresent()) {
                return blocking;
            }
            Optional<Path> path = path(node.path().get());
            if (path.isPresent() && Files.isRegularFile(path.get())) {
                Optional<Diagnosis> own = checkObject(path.get());
                if (own.isPresent()) {
                    Diagnosis d = own.get();
                    return Optional.of(Diagnosis.of(d.kind(), "its dependency " + node.name() + " (" + path.get() + ", needed by "
                            + by + ") cannot load safely: " + d.cause(), d.hint()).withDependency(node.name(), by));
                }
            }
            node.children().forEach(c -> todo.add(new Parented(c, node)));
        }
        return Optional.empty();
    }

    /** A FIFO or device where the loader opens a dependency: {@code open} on it waits for a writer, or reads a device. */
    private static Optional<Diagnosis> blocking(String candidate, String dependency, String by) {
        Optional<Path> path = path(candidate);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Optional<BasicFileAttributes> attributes = attributes(path.get());
        if (attributes.isEmpty() || !attributes.get().isOther()) {
            return Optional.empty();
        }
        return Optional.of(Diagnosis.of(FailureKind.NOT_A_FILE,
                candidate + ", where the loader looks for the dependency " + dependency + " of " + by
                        + ", is a FIFO or device, not a library file: opening it would block the load forever",
                "remove or rename " + candidate + " and put the real " + dependency + " there")
                .withDependency(dependency, by));
    }

    /** {@return whether two reads of a file's attributes show a change: size, modification time or identity} */
    static boolean changed(BasicFileAttributes before, BasicFileAttributes after) {
        return before.size() != after.size() || !before.lastModifiedTime().equals(after.lastModifiedTime())
                || !Objects.equals(before.fileKey(), after.fileKey());
    }

    private static Optional<BasicFileAttributes> attributes(Path path) {
        try {
            return Optional.of(Files.readAttributes(path, BasicFileAttributes.class));
        } catch (IOException unreadable) {
            return Optional.empty();
        }
    }

    private static Optional<Path> path(String candidate) {
        try {
            Path p = Path.of(candidate);
            return p.isAbsolute() ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    private record Parented(DependencyNode node, DependencyNode parent) {
    }
}
