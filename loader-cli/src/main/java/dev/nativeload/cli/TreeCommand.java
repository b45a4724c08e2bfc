package dev.nativeload.cli;

import dev.nativeload.platform.Platform;

import dev.nativeload.binary.LibcFlavor;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.NotABinaryException;
import dev.nativeload.binary.TargetOs;
import dev.nativeload.resolve.DependencyNode;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import dev.nativeload.binary.GlibcVersion;
import dev.nativeload.resolve.symbols.SymbolBinder;
import dev.nativeload.resolve.symbols.SymbolReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code nativeload tree [--json] [--symbols [--bindings]] [--target PLATFORM [--system-dir DIR]] [--env NAME=VALUE]... FILE...}:
 * the dependency tree a loader would resolve (this host's, or a target platform's), never running anything.
 */
@Command(
        name = "tree",
        mixinStandardHelpOptions = true,
        description = {
            "Resolves the dependency tree of each file as this host's loader would (glibc ld.so, musl, dyld or "
                    + "Windows), from headers only: a safe ldd for ELF, Mach-O and PE. With --target, as another "
                    + "platform's loader would: a Linux host can ask about a macOS or Windows tree.",
            "Each dependency says how it was found (RPATH, LD_LIBRARY_PATH, RUNPATH, LD_SO_CACHE, DEFAULT, "
                    + "DYLD_FRAMEWORK_PATH, FALLBACK_FRAMEWORK, ...) or, when not found, every place tried. Each library "
                    + "is expanded once; later references are ALREADY_LOADED.",
            "PE delay-load imports follow the static ones, marked delay-load: the program starts without them "
                    + "and loads each on the first call into it."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every dependency of every file was found",
            "1:some dependency was not found (a delay-load or weak one too), or some file could not be read, or "
                    + "(with --symbols) a strong reference is unresolved or a required symbol version is missing",
            "2:usage error"
        })
final class TreeCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object per file, one per line.")
    private boolean json;

    @Option(names = "--symbols",
            description = "Also bind every symbol the objects' dynamic relocations reference, as glibc's ld.so would "
                    + "with LD_BIND_NOW (what ldd -r runs), and check every required symbol version: lists undefined "
                    + "symbols and missing versions under the tree (JSON: \"unresolved\" and \"versionErrors\"). "
                    + "ELF for a glibc loader only.")
    private boolean symbols;

    @Option(names = "--bindings",
            description = "With --symbols: also list, per reference, the object whose definition wins "
                    + "(LD_DEBUG=bindings, offline; JSON: \"bindings\").")
    private boolean bindings;

    @Option(names = "--target", paramLabel = "PLATFORM",
            description = "Resolve as PLATFORM's loader would instead of this host's: linux-x86_64, linux-aarch64-musl, "
                    + "osx-aarch64, windows-x86_64, ... (files on this machine stand in for that system's). The loader's "
                    + "environment then starts empty.")
    private String target;

    @Option(names = "--system-dir", paramLabel = "DIR",
            description = "With a windows --target (required there): the directory standing in for C:\\Windows\\System32.")
    private Path systemDir;

    @Option(names = "--env", paramLabel = "NAME=VALUE",
            description = "A variable of the loader's environment (LD_LIBRARY_PATH, DYLD_FRAMEWORK_PATH, PATH, ...); "
                    + "repeatable. Added to this process's environment, or with --target to an empty one.")
    private Map<String, String> env = new LinkedHashMap<>();

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Files to resolve. '-' reads file names from standard input and @LIST from the file LIST, one per line.")
    private List<String> files;

    private final CliEnvironment environment;

    /** @param environment where {@code -} and relative names are read from */
    TreeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // One resolver for the run: it caches every file and the ld.so.cache it reads.
        ResolveHost host = host();
        DependencyResolver resolver = new DependencyResolver(host);
        Optional<SymbolBinder> binder = symbolBinder(host);
        boolean anyFailed = false;
        for (FileArguments.Item item : new FileArguments(files, environment.stdin(), environment.workingDirectory())) {
            Outcome outcome = switch (item) {
                case FileArguments.FileName name -> resolve(resolver, name.name());
                case FileArguments.UnreadableList list -> new Unreadable(new InspectResult.Failed(
                        list.argument(), InspectResult.ErrorKind.IO, list.message(), OptionalLong.empty()));
            };
            switch (outcome) {
                case Resolved(DependencyNode root) when binder.isPresent() -> {
                    SymbolReport report = binder.get().bind(root);
                    anyFailed |= !TreeOutput.allFound(root) || !report.clean();
                    out.print(json ? TreeOutput.json(root, w -> SymbolOutput.json(w, report, bindings)) + "\n"
                            : TreeOutput.text(root) + SymbolOutput.text(report, bindings,
                                    host.platform().libcVersion().flatMap(GlibcVersion::parse)));
                }
                case Resolved(DependencyNode root) -> {
                    anyFailed |= !TreeOutput.allFound(root);
                    out.print(json ? TreeOutput.json(root) + "\n" : TreeOutput.text(root));
                }
                case Unreadable(InspectResult.Failed failed) -> {
                    anyFailed = true;
                    if (json) {
                        out.println(InspectJson.render(failed));
                    } else {
                        err.print(InspectText.render(failed));
                        err.flush();
                    }
                }
            }
            if (out.checkError()) {
                err.println("nativeload tree: cannot write to standard output; stopped");
                err.flush();
                return 1;
            }
        }
        return anyFailed ? 1 : 0;
    }

    /** {@return the loader to emulate: this machine's, or the target platform's, with the environment given} */
    private ResolveHost host() {
        Path cwd = environment.workingDirectory().toAbsolutePath();
        Optional<Platform> platform = Optional.ofNullable(target).map(this::parseTarget);
        if (systemDir != null && platform.map(p -> p.os() != TargetOs.WINDOWS).orElse(true)) {
            throw new ParameterException(spec.commandLine(), "--system-dir applies to a windows --target only"
                    + platform.map(p -> ", not " + p.id()).orElse(""));
        }
        ResolveHost host = platform.map(p -> targetHost(p, cwd)).orElseGet(ResolveHost::thisMachine);
        if (!env.isEmpty()) {
            Map<String, String> merged = new LinkedHashMap<>(host.env());
            merged.putAll(env);
            host = host.withEnv(merged);
        }
        return host.withCurrentDir(cwd);
    }

    /** {@return the binder for --symbols, when asked for; only a glibc Linux loader is emulated} */
    private Optional<SymbolBinder> symbolBinder(ResolveHost host) {
        if (bindings && !symbols) {
            throw new ParameterException(spec.commandLine(), "--bindings needs --symbols");
        }
        if (!symbols) {
            return Optional.empty();
        }
        if (host.os() != TargetOs.LINUX || host.libc() != LibcFlavor.GLIBC) {
            throw new ParameterException(spec.commandLine(), "--symbols binds as glibc's ld.so does: not for a "
                    + host.os() + " " + host.libc() + " loader");
        }
        return Optional.of(new SymbolBinder(host.currentDir(), bindings ? SymbolBinder.Recorded.ALL : SymbolBinder.Recorded.NONE));
    }

    private Platform parseTarget(String id) {
        try {
            return Platform.parse(id);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--target: " + e.getMessage(), e);
        }
    }

    private ResolveHost targetHost(Platform platform, Path cwd) {
        return switch (platform.os()) {
            case LINUX -> platform.libc() == LibcFlavor.MUSL
                    ? ResolveHost.linuxMusl(platform.arch()) : ResolveHost.linuxGlibc(platform.arch());
            case MACOS -> ResolveHost.macos(platform.arch());
            case WINDOWS -> {
                if (systemDir == null) {
                    throw new ParameterException(spec.commandLine(),
                            "--target " + platform.id() + " needs --system-dir DIR, the directory standing in for System32");
                }
                yield ResolveHost.windows(platform.arch(), cwd.resolve(systemDir));
            }
            default -> throw new ParameterException(spec.commandLine(), "--target: no loader emulated for " + platform.id());
        };
    }

    /** What one file argument came to. */
    private sealed interface Outcome permits Resolved, Unreadable {
    }

    /** @param root the resolved tree */
    private record Resolved(DependencyNode root) implements Outcome {
    }

    /** @param failed why the file could not be read, in inspect's terms */
    private record Unreadable(InspectResult.Failed failed) implements Outcome {
    }

    /** {@return the resolved root, or why the file could not be read} */
    private static Outcome resolve(DependencyResolver resolver, String argument) {
        try {
            return new Resolved(resolver.resolve(argument));
        } catch (MalformedBinaryException e) {
            return unreadable(argument, InspectResult.ErrorKind.MALFORMED, e.problem(), e.offset());
        } catch (NotABinaryException e) {
            return unreadable(argument, InspectResult.ErrorKind.NOT_A_BINARY, e.getMessage(), OptionalLong.empty());
        } catch (IOException e) {
            return unreadable(argument, InspectResult.ErrorKind.IO, Inspector.describe(e), OptionalLong.empty());
        } catch (InvalidPathException e) {
            return unreadable(argument, InspectResult.ErrorKind.IO, "invalid file name: " + e.getReason(), OptionalLong.empty());
        }
    }

    private static Outcome unreadable(String argument, InspectResult.ErrorKind kind, String message, OptionalLong offset) {
        return new Unreadable(new InspectResult.Failed(argument, kind, message, offset));
    }
}
