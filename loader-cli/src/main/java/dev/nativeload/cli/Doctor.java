package dev.nativeload.cli;

import dev.nativeload.report.Attempt;
import dev.nativeload.report.LoadReport;
import dev.nativeload.NativeLibrary;
import dev.nativeload.NativeLoadException;
import dev.nativeload.NativeLoader;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.internal.diagnose.SymbolPreCheck;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import dev.nativeload.report.Diagnosis;
import dev.nativeload.spi.NativeAccess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one real load through the {@link NativeLoader} chain in this JVM and collects what explains it.
 * {@code nativeload doctor} runs it in a child JVM ({@link TrialLoad}), so a library that kills or hangs
 * the process it loads in takes only the child with it.
 *
 * <p>An argument that contains a path separator or names an existing file is loaded as that file
 * ({@link NativeLoader#load(Path)}); any other is a library name ({@link NativeLoader#load(String)}).
 */
final class Doctor {
    /** Environment variables every loader reads; {@code PATH} is added on Windows, where it is the DLL search path. */
    private static final List<String> VARIABLES = List.of(
            "LD_LIBRARY_PATH", "LD_PRELOAD", "DYLD_LIBRARY_PATH", "DYLD_FALLBACK_LIBRARY_PATH");
    private static final List<String> PROPERTIES = List.of("java.library.path", "java.io.tmpdir");

    private final Path workingDirectory;

    /**
     * The host facts are the process's own environment variables and system properties: those the load read.
     *
     * @param workingDirectory what a relative file argument is resolved against
     */
    Doctor(Path workingDirectory) {
        this.workingDirectory = workingDirectory;
    }

    /**
     * {@return the first supported {@code NativeAccess} on the module or class path}
     *
     * @throws IllegalStateException when there is none
     */
    static NativeAccess nativeAccess() {
        for (NativeAccess access : ServiceLoader.load(NativeAccess.class)) {
            if (access.isSupported()) {
                return access;
            }
        }
        throw new IllegalStateException("no NativeAccess implementation for this OS: loader-ffm is not on the module path");
    }

    /**
     * {@return whether {@code argument} names a file rather than a library}
     *
     * @param argument the command-line argument
     */
    boolean isFile(String argument) {
        if (argument.indexOf('/') >= 0 || argument.indexOf(File.separatorChar) >= 0) {
            return true;
        }
        try {
            return Files.exists(workingDirectory.resolve(argument));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    /**
     * Loads {@code argument}, runs the JNI step when {@code jni} says so, and explains the outcome.
     *
     * @param argument a library name or a file
     * @param jni      whether to hand the loaded file to {@code System.load} (which runs {@code JNI_OnLoad})
     * @param stages   told what is about to run, so a process that dies in it can be explained
     * @return the verdict, cause, attempts and host facts
     * @throws IllegalArgumentException when the argument is blank or not a valid file name
     * @throws IllegalStateException    when no NativeAccess implementation is present
     */
    DoctorResult diagnose(String argument, JniStep jni, TrialStages stages) {
        NativeAccess access = nativeAccess();
        LoadReport report;
        Optional<Path> path;
        NativeLibrary library;
        try {
            stages.loading(argument);
            library = isFile(argument)
                    ? NativeLoader.load(workingDirectory.resolve(argument))
                    : NativeLoader.load(argument);
            report = library.report();
            path = Optional.of(library.path());
        } catch (NativeLoadException e) {
            report = e.report();
            path = Optional.empty();
            library = null;
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("invalid file name: " + e.getReason(), e);
        }
        if (library != null && jni.appliesTo(library)) {
            stages.jniOnLoad(library.path());
            Attempt step = JniTrial.run(library.path());
            List<Attempt> attempts = new ArrayList<>(report.attempts());
            attempts.add(step);
            Optional<Diagnosis> failed = step.diagnosis();
            return new DoctorResult(argument, failed.isPresent() ? Optional.empty() : path, failed, attempts,
                    hostFacts(access, attempts, path), unresolved(access, path.or(() -> fileOf(argument))));
        }
        return new DoctorResult(argument, path, path.isPresent() ? Optional.empty() : report.cause(),
                report.attempts(), hostFacts(access, report.attempts(), path), unresolved(access, path.or(() -> fileOf(argument))));
    }

    /**
     * {@return the strong references of the file's tree that neither the tree nor this process
     * defines (bound offline; this trial process stands in for the application's): what a lazy
     * load would fail on at the first call} Empty without a regular file, or off glibc.
     */
    private static List<UnresolvedSymbol> unresolved(NativeAccess access, Optional<Path> file) {
        if (file.isEmpty() || !Files.isRegularFile(file.get())) {
            return List.of();
        }
        return new SymbolPreCheck(access.host(), ResolveHost.thisMachine(), access::globalSymbolDefined).unresolved(file.get());
    }

    /**
     * {@return the verdict of a trial load that ended without a report (the process died or hung), with this host's facts}
     *
     * @param argument the library name or file as given
     * @param attempt  the one attempt to report: the trial load and its cause
     */
    DoctorResult unreported(String argument, Attempt attempt) {
        List<Attempt> attempts = List.of(attempt);
        return new DoctorResult(argument, Optional.empty(), attempt.diagnosis(), attempts,
                hostFacts(nativeAccess(), attempts, Optional.empty()), List.of());
    }

    /**
     * {@return the file {@code argument} names, absolute, when it names one}
     *
     * @param argument the command-line argument
     */
    Optional<Path> fileOf(String argument) {
        try {
            return isFile(argument) ? Optional.of(workingDirectory.resolve(argument).toAbsolutePath()) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }

    private DoctorResult.HostFacts hostFacts(NativeAccess access, List<Attempt> attempts, Optional<Path> loaded) {
        var host = access.host();
        List<DoctorResult.Mount> mounts = new ArrayList<>();
        for (Path dir : directories(attempts, loaded)) {
            mounts.add(new DoctorResult.Mount(dir,
                    Files.isDirectory(dir) ? access.mountFlags(dir) : Optional.empty()));
        }
        Map<String, String> variables = new LinkedHashMap<>();
        List<String> names = new ArrayList<>(VARIABLES);
        if (host.os() == TargetOs.WINDOWS) {
            names.add("PATH");
        }
        for (String name : names) {
            variables.put(name, System.getenv(name));
        }
        Map<String, String> properties = new LinkedHashMap<>();
        for (String name : PROPERTIES) {
            properties.put(name, System.getProperty(name));
        }
        Map<String, String> nativeload = new TreeMap<>();
        for (String name : System.getProperties().stringPropertyNames()) {
            if (name.startsWith("nativeload.")) {
                nativeload.put(name, System.getProperty(name));
            }
        }
        properties.putAll(nativeload);
        return new DoctorResult.HostFacts(access.name(), host, mounts, variables, properties);
    }

    /** {@return every directory tried, or holding a file tried, and the loaded file's, in order of first use} */
    private static Set<Path> directories(List<Attempt> attempts, Optional<Path> loaded) {
        Set<Path> dirs = new LinkedHashSet<>();
        for (Attempt a : attempts) {
            parentOf(a.target()).ifPresent(dirs::add);
        }
        loaded.map(Path::getParent).ifPresent(dirs::add);
        return dirs;
    }

    private static Optional<Path> parentOf(String target) {
        try {
            Path p = Path.of(target);
            if (!p.isAbsolute()) {
                return Optional.empty(); // a bare name the OS loader searched for
            }
            return Files.isDirectory(p) ? Optional.of(p) : Optional.ofNullable(p.getParent());
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
