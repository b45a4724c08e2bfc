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
import dev.nativeload.resolve.symbols.UnresolvedSymbol;
import dev.nativeload.resolve.symbols.pe.PeSymbolBinder;
import dev.nativeload.resolve.symbols.pe.WindowsWords;
import dev.nativeload.resolve.symbols.macho.DyldBinder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.OptionalLong;

/**
 * {@code nativeload tree [--json] [--symbols [--bindings]] [--target PLATFORM [--system-dir DIR]] [--env NAME=VALUE]... FILE...}:
 * the dependency tree a loader would resolve (this host's, or a target platform's), never running anything.
 */
final class TreeCommand implements Subcommand {
    private static final OptionSpec JSON = OptionSpec.flag("--json", "Print one JSON object per file, one per line.");
    private static final OptionSpec SYMBOLS = OptionSpec.flag("--symbols",
            "Also bind every symbol the objects' dynamic relocations reference, as glibc's ld.so would "
                    + "with LD_BIND_NOW (what ldd -r runs), and check every required symbol version: lists undefined "
                    + "symbols and missing versions under the tree (JSON: \"unresolved\" and \"versionErrors\"). "
                    + "ELF for a glibc loader; with a windows --target, every PE import (by name, by ordinal, delay-load) "
                    + "against its DLL's exports, forwarders followed and API sets mapped through the system directory's "
                    + "apisetschema.dll, unresolved ones in Windows' words (JSON: \"library\", \"delayLoad\"). "
                    + "For a macOS loader (--target osx-...), every Mach-O import as dyld binds it: two-level in "
                    + "the library its ordinal names (and what that re-exports), or flat; \"Symbol not found\" "
                    + "with the library it was expected in (JSON: \"library\").");
    private static final OptionSpec BINDINGS = OptionSpec.flag("--bindings",
            "With --symbols: also list, per reference, the object whose definition wins "
                    + "(LD_DEBUG=bindings, offline; JSON: \"bindings\").");
    private static final OptionSpec TARGET = OptionSpec.value("--target", "PLATFORM",
            "Resolve as PLATFORM's loader would instead of this host's: linux-x86_64, linux-aarch64-musl, "
                    + "osx-aarch64, windows-x86_64, ... (files on this machine stand in for that system's). The loader's "
                    + "environment then starts empty.");
    private static final OptionSpec SYSTEM_DIR = OptionSpec.value("--system-dir", "DIR",
            "With a windows --target (required there): the directory standing in for C:\\Windows\\System32.");
    private static final OptionSpec ENV = OptionSpec.value("--env", "NAME=VALUE",
            "A variable of the loader's environment (LD_LIBRARY_PATH, DYLD_FRAMEWORK_PATH, PATH, ...); "
                    + "repeatable. Added to this process's environment, or with --target to an empty one.").asRepeatable();

    private static final CommandSyntax SYNTAX = new CommandSyntax(
            "tree",
            List.of(
                    "Resolves the dependency tree of each file as this host's loader would (glibc ld.so, musl, dyld or "
                            + "Windows), from headers only: a safe ldd for ELF, Mach-O and PE. With --target, as another "
                            + "platform's loader would: a Linux host can ask about a macOS or Windows tree.",
                    "Each dependency says how it was found (RPATH, LD_LIBRARY_PATH, RUNPATH, LD_SO_CACHE, DEFAULT, "
                            + "DYLD_FRAMEWORK_PATH, FALLBACK_FRAMEWORK, ...) or, when not found, every place tried. Each "
                            + "library is expanded once; later references are ALREADY_LOADED.",
                    "PE delay-load imports follow the static ones, marked delay-load: the program starts without them "
                            + "and loads each on the first call into it."),
            List.of(JSON, SYMBOLS, BINDINGS, TARGET, SYSTEM_DIR, ENV),
            PositionalSpec.oneOrMore("FILE",
                    "Files to resolve. '-' reads file names from standard input and @LIST from the file LIST, one per line."),
            List.of(
                    "0:every dependency of every file was found",
                    "1:some dependency was not found (a delay-load or weak one too), or some file could not be read, or "
                            + "(with --symbols) a strong reference is unresolved or a required symbol version is missing",
                    "2:usage error"));

    private boolean json;
    private boolean symbols;
    private boolean bindings;
    private String target;
    private Path systemDir;
    private Map<String, String> env = Map.of();

    private final CliEnvironment environment;

    /** @param environment where {@code -} and relative names are read from */
    TreeCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
        json = arguments.flag(JSON);
        symbols = arguments.flag(SYMBOLS);
        bindings = arguments.flag(BINDINGS);
        target = arguments.value(TARGET);
        systemDir = arguments.pathValue(SYSTEM_DIR);
        env = arguments.keyValues(ENV);
        // One resolver for the run: it caches every file and the ld.so.cache it reads.
        ResolveHost host = host();
        DependencyResolver resolver = new DependencyResolver(host);
        Optional<Function<DependencyNode, SymbolReport>> binder = symbolBinder(host, resolver);
        boolean anyFailed = false;
        for (FileArguments.Item item : new FileArguments(arguments.positionals(), environment.stdin(), environment.workingDirectory())) {
            // instanceof, not pattern switches: each of those spins a class at run time, outside the AOT cache.
            Outcome outcome = item instanceof FileArguments.FileName name
                    ? resolve(resolver, name.name()) : new Unreadable(((FileArguments.UnreadableList) item).failed());
            if (outcome instanceof Resolved(DependencyNode root) && binder.isPresent()) {
                SymbolReport report = binder.get().apply(root);
                anyFailed |= !TreeOutput.allFound(root) || !report.clean();
                Optional<GlibcVersion> glibc = host.platform().libcVersion().flatMap(GlibcVersion::parse);
                Function<UnresolvedSymbol, String> words = host.os() == TargetOs.WINDOWS
                        ? WindowsWords::message : u -> u.message(glibc);
                out.print(json ? TreeOutput.json(root, w -> SymbolOutput.json(w, report, bindings)) + "\n"
                        : TreeOutput.text(root) + (host.os() == TargetOs.MACOS
                                ? SymbolOutput.dyldText(report, bindings) : SymbolOutput.text(report, bindings, words)));
            } else if (outcome instanceof Resolved(DependencyNode root)) {
                anyFailed |= !TreeOutput.allFound(root);
                out.print(json ? TreeOutput.json(root) + "\n" : TreeOutput.text(root));
            } else if (outcome instanceof Unreadable(InspectResult.Failed failed)) {
                anyFailed = true;
                if (json) {
                    out.println(InspectJson.render(failed));
                } else {
                    err.print(InspectText.render(failed));
                    err.flush();
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
            throw new UsageException("--system-dir applies to a windows --target only"
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

    /** {@return the binder for --symbols, when asked for: glibc's ld.so, the Windows loader or macOS's dyld is emulated} */
    private Optional<Function<DependencyNode, SymbolReport>> symbolBinder(ResolveHost host, DependencyResolver resolver) {
        if (bindings && !symbols) {
            throw new UsageException("--bindings needs --symbols");
        }
        if (!symbols) {
            return Optional.empty();
        }
        if (host.os() == TargetOs.WINDOWS) {
            return Optional.of(new PeSymbolBinder(resolver)::bind);
        }
        if (host.os() == TargetOs.MACOS) {
            return Optional.of(new DyldBinder(host.currentDir(), host.arch())::bind);
        }
        if (host.os() != TargetOs.LINUX || host.libc() != LibcFlavor.GLIBC) {
            throw new UsageException("--symbols binds as glibc's ld.so, the Windows loader or macOS's dyld does: not for a "
                    + host.os() + " " + host.libc() + " loader");
        }
        SymbolBinder.Recorded recorded = bindings ? SymbolBinder.Recorded.ALL : SymbolBinder.Recorded.NONE;
        return Optional.of(new SymbolBinder(host.currentDir(), recorded)::bind);
    }

    private Platform parseTarget(String id) {
        try {
            return Platform.parse(id);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--target: " + e.getMessage(), e);
        }
    }

    private ResolveHost targetHost(Platform platform, Path cwd) {
        return switch (platform.os()) {
            case LINUX -> platform.libc() == LibcFlavor.MUSL
                    ? ResolveHost.linuxMusl(platform.arch()) : ResolveHost.linuxGlibc(platform.arch());
            case MACOS -> ResolveHost.macos(platform.arch());
            case WINDOWS -> {
                if (systemDir == null) {
                    throw new UsageException(
                            "--target " + platform.id() + " needs --system-dir DIR, the directory standing in for System32");
                }
                yield ResolveHost.windows(platform.arch(), cwd.resolve(systemDir));
            }
            default -> throw new UsageException("--target: no loader emulated for " + platform.id());
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
