package dev.nativeload.cli;

import dev.nativeload.platform.Platform;

import dev.nativeload.binary.GlibcVersion;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code nativeload verify --target PLATFORM [--max-glibc X.Y] [--json] FILE...}: may these natives ship? */
@Command(
        name = "verify",
        mixinStandardHelpOptions = true,
        description = {
            "Checks natives before they ship for one platform, from their headers (nothing is loaded).",
            "Rules: format, os, arch and libc match the target (a universal Mach-O must hold its slice); "
                    + "glibc-version: no GLIBC_ symbol version above --max-glibc; rpath: only $ORIGIN-relative "
                    + "RPATH/RUNPATH (Mach-O: @loader_path, @executable_path, @rpath); dll-needed: no .dll in an "
                    + "ELF's DT_NEEDED; dependency: every dependency is in the target's base system or among the "
                    + "FILEs checked; symbol-version-too-new: no GLIBCXX_/CXXABI_/GCC_ version newer than the manylinux "
                    + "policy of --max-glibc allows; unresolved-symbol (glibc targets): every reference of the file is "
                    + "defined in its dependency tree, bound offline as ld.so binds it (JNI_*/JVM_* are libjvm's).",
            "Text: one line per violation, 'FILE: rule: message', and 'FILE: ok' for a clean file."
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:every file may ship",
            "1:some file broke a rule or could not be read",
            "2:usage error"
        })
final class VerifyCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "--target", required = true, paramLabel = "PLATFORM",
            description = "The platform id: linux-x86_64, linux-aarch64, linux-x86_64-musl, osx-aarch64, osx-x86_64, "
                    + "windows-x86_64, windows-aarch64, ...")
    private String target;

    @Option(names = "--max-glibc", paramLabel = "VERSION", description = "The newest glibc the files may need, e.g. 2.28.")
    private String maxGlibc;

    @Option(names = "--json", description = "Print one JSON object per file, one per line.")
    private boolean json;

    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Files to check. '-' reads file names from standard input and @LIST from the file LIST, one per line.")
    private List<String> files;

    private final CliEnvironment environment;

    /** @param environment where {@code -} and relative names are read from */
    VerifyCommand(CliEnvironment environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        Platform platform = TargetArguments.target(spec.commandLine(), target);
        Optional<GlibcVersion> limit = TargetArguments.maxGlibc(spec.commandLine(), platform, maxGlibc);
        // Read every file first: a dependency on another file of the run counts as shipped.
        Inspector inspector = new Inspector(environment.workingDirectory());
        List<InspectResult> results = new ArrayList<>();
        for (FileArguments.Item item : new FileArguments(files, environment.stdin(), environment.workingDirectory())) {
            results.add(switch (item) {
                case FileArguments.FileName name -> inspector.inspect(name.name());
                case FileArguments.UnreadableList list -> new InspectResult.Failed(
                        list.argument(), InspectResult.ErrorKind.IO, list.message(), OptionalLong.empty());
            });
        }
        List<InspectResult.Read> read = results.stream()
                .filter(InspectResult.Read.class::isInstance).map(InspectResult.Read.class::cast).toList();
        Verifier verifier = new Verifier(platform, limit, read, environment.workingDirectory().toAbsolutePath());
        PrintWriter out = spec.commandLine().getOut();
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
