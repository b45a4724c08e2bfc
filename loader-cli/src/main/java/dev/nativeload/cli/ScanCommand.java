package dev.nativeload.cli;

import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.platform.Platform;
import java.io.File;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.Optional;

/** {@code nativeload scan [--json] [--target PLATFORM] [--max-glibc X.Y] PATH...}: will this application's natives load there? */
final class ScanCommand implements Subcommand {
    private static final OptionSpec JSON = OptionSpec.flag("--json",
            "Print one JSON object per native, one per line, then a summary object.");
    private static final OptionSpec TARGET = OptionSpec.value("--target", "PLATFORM",
            "The platform id, as verify takes it: linux-x86_64, linux-aarch64, linux-x86_64-musl, "
                    + "osx-aarch64, windows-x86_64, ... Default: this host.");
    private static final OptionSpec MAX_GLIBC = OptionSpec.value("--max-glibc", "VERSION",
            "The newest glibc the natives may need, e.g. 2.28.");

    private static final CommandSyntax SYNTAX = new CommandSyntax(
            "scan",
            List.of(
                    "Finds every native library (ELF, PE, Mach-O, by its bytes, not its name) in jars, wars, ears, zips, "
                            + "directory trees and class paths, also inside nested archives (BOOT-INF/lib/*.jar, "
                            + "WEB-INF/lib/*.jar, at any depth), and checks them against one platform: every archive that "
                            + "ships natives must ship one for it, and those must pass verify's rules and bind their "
                            + "classes' native methods (JNI symbols, or JNI_OnLoad).",
                    "Text: one line per archive that ships natives with its verdict, the violations under it, and a line "
                            + "of totals. --json: one object per native, per line, then {\"summary\": ...}."),
            List.of(JSON, TARGET, MAX_GLIBC),
            PositionalSpec.oneOrMore("PATH", "A jar, war, ear or zip; a directory tree; or a class path (':'-separated, "
                    + "';' on Windows; an element that does not exist is skipped, as the JVM skips it)."),
            List.of(
                    "0:every archive that ships natives has one for the target, and none has a violation",
                    "1:some archive has no native for the target, a native for it has a violation, or an archive could "
                            + "not be read",
                    "2:usage error"));

    private final CliEnvironment environment;

    /** @param environment where relative paths are resolved */
    ScanCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
        String target = arguments.value(TARGET);
        Platform platform = target == null ? host() : TargetArguments.target(target);
        Optional<GlibcVersion> limit = TargetArguments.maxGlibc(platform, arguments.value(MAX_GLIBC));
        List<String> roots = roots(arguments.positionals());
        ScanCollector found = new ScanCollector();
        try (ExecutorService threads = readers()) {
            ScanWalker walker = new ScanWalker(new ScanNativeReader(platform, WholeEntryInflater.loading()), found, threads);
            for (String root : roots) {
                walker.walk(root, environment.workingDirectory().resolve(root));
            }
        }
        ScanResult result = ScanEvaluation.evaluate(found, platform, limit);
        err.print(ScanOutput.problems(found.problems()));
        err.flush();
        out.print(arguments.flag(JSON) ? ScanOutput.json(result) : ScanOutput.text(result));
        out.flush();
        return result.ok() ? 0 : 1;
    }

    /**
     * {@return the threads that read the archives STORED in an archive file, one per processor: inflating the natives
     * is most of a scan's time, and a fat jar's nested jars are independent} Daemon threads, so a failure never keeps
     * the JVM alive; the memory bound grows by one native (at most {@link ScanNativeReader#IN_MEMORY_LIMIT}) per thread.
     */
    private static ExecutorService readers() {
        int n = Math.max(1, Runtime.getRuntime().availableProcessors());
        return Executors.newFixedThreadPool(n, task -> {
            Thread t = new Thread(task, "nativeload-scan");
            t.setDaemon(true);
            return t;
        });
    }

    /** Each PATH that exists, or each existing element of a class path; a PATH naming nothing is a usage error. */
    private List<String> roots(List<String> paths) {
        List<String> roots = new ArrayList<>();
        for (String path : paths) {
            if (exists(path)) {
                roots.add(path);
                continue;
            }
            if (!path.contains(File.pathSeparator)) {
                throw new UsageException("PATH '" + path + "': no such file or directory");
            }
            for (String element : path.split(File.pathSeparator)) {
                if (!element.isEmpty() && exists(element)) {
                    roots.add(element);
                }
            }
        }
        return roots;
    }

    /** This host's platform, without its glibc version: the ceiling is --max-glibc's alone, as for verify. */
    private static Platform host() {
        Platform h = HostProbe.fromFiles().platform();
        return new Platform(h.os(), h.arch(), h.bits(), h.byteOrder(), h.libc(), Optional.empty());
    }

    private boolean exists(String path) {
        try {
            return Files.exists(environment.workingDirectory().resolve(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }
}
