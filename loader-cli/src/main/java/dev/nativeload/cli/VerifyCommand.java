package dev.nativeload.cli;

import dev.nativeload.platform.Platform;

import dev.nativeload.binary.GlibcVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@code nativeload verify --target PLATFORM [--max-glibc X.Y] [--json] FILE...}: may these natives ship? */
final class VerifyCommand implements Subcommand {
    private static final OptionSpec TARGET = OptionSpec.value("--target", "PLATFORM",
            "The platform id: linux-x86_64, linux-aarch64, linux-x86_64-musl, osx-aarch64, osx-x86_64, "
                    + "windows-x86_64, windows-aarch64, ...").asRequired();
    private static final OptionSpec MAX_GLIBC = OptionSpec.value("--max-glibc", "VERSION",
            "The newest glibc the files may need, e.g. 2.28.");
    private static final OptionSpec JSON = OptionSpec.flag("--json", "Print one JSON object per file, one per line.");

    private static final CommandSyntax SYNTAX = new CommandSyntax(
            "verify",
            List.of(
                    "Checks natives before they ship for one platform, from their headers (nothing is loaded).",
                    "Rules: format, os, arch and libc match the target (a universal Mach-O must hold its slice); "
                            + "glibc-version: no GLIBC_ symbol version above --max-glibc; rpath: only $ORIGIN-relative "
                            + "RPATH/RUNPATH (Mach-O: @loader_path, @executable_path, @rpath); dll-needed: no .dll in an "
                            + "ELF's DT_NEEDED; dependency: every dependency is in the target's base system or among the "
                            + "FILEs checked; symbol-version-too-new: no GLIBCXX_/CXXABI_/GCC_ version newer than the "
                            + "manylinux policy of --max-glibc allows; unresolved-symbol (glibc targets): every reference "
                            + "of the file is defined in its dependency tree, bound offline as ld.so binds it (JNI_*/JVM_* "
                            + "are libjvm's).",
                    "Text: one line per violation, 'FILE: rule: message', and 'FILE: ok' for a clean file."),
            List.of(TARGET, MAX_GLIBC, JSON),
            PositionalSpec.oneOrMore("FILE",
                    "Files to check. '-' reads file names from standard input and @LIST from the file LIST, one per line."),
            List.of("0:every file may ship", "1:some file broke a rule or could not be read", "2:usage error"));

    private final CliEnvironment environment;

    /** @param environment where {@code -} and relative names are read from */
    VerifyCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public CommandSyntax syntax() {
        return SYNTAX;
    }

    @Override
    public int run(Arguments arguments, PrintWriter out, PrintWriter err) {
        Platform platform = TargetArguments.target(arguments.value(TARGET));
        Optional<GlibcVersion> limit = TargetArguments.maxGlibc(platform, arguments.value(MAX_GLIBC));
        boolean json = arguments.flag(JSON);
        // Read every file first: a dependency on another file of the run counts as shipped.
        Inspector inspector = new Inspector(environment.workingDirectory());
        List<InspectResult> results = new ArrayList<>();
        for (FileArguments.Item item : new FileArguments(arguments.positionals(), environment.stdin(), environment.workingDirectory())) {
            results.add(item instanceof FileArguments.FileName name
                    ? inspector.inspect(name.name()) : ((FileArguments.UnreadableList) item).failed());
        }
        List<InspectResult.Read> read = results.stream()
                .filter(InspectResult.Read.class::isInstance).map(InspectResult.Read.class::cast).toList();
        Verifier verifier = new Verifier(platform, limit, read, environment.workingDirectory().toAbsolutePath());
        boolean anyViolation = false;
        for (InspectResult result : results) {
            String path = switch (result) {
                case InspectResult.Read r -> r.path();
                case InspectResult.Failed f -> f.path();
            };
            List<Violation> violations = verifier.verify(result);
            anyViolation |= !violations.isEmpty();
            out.print(json ? VerifyOutput.json(path, platform, violations) + "\n" : VerifyOutput.text(path, violations));
        }
        return anyViolation ? 1 : 0;
    }
}
