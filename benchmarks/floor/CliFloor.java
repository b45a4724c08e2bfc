package dev.nativeload.cli;

import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The floor of one command (benchmarks/cli-floor.sh): {@code inspect} or {@code tree} of one file with
 * no argument parsing, no launcher script and no System.exit, what the real command could at best cost.
 * Added to a copy of the loader-cli jar by the script, never to the product.
 */
public final class CliFloor {
    private CliFloor() {
    }

    /** @param args {@code inspect FILE}, {@code tree FILE}, or {@code train FILE} (both, output discarded: the AOT training run) */
    public static void main(String[] args) throws Exception {
        if (args[0].equals("train")) {
            PrintWriter discard = new PrintWriter(OutputStream.nullOutputStream());
            run("inspect", args[1], discard);
            run("tree", args[1], discard);
            return;
        }
        PrintWriter out = new PrintWriter(new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8)));
        run(args[0], args[1], out);
        out.flush();
    }

    private static void run(String command, String file, PrintWriter out) throws Exception {
        if (command.equals("inspect")) {
            out.print(InspectText.render((InspectResult.Read) new Inspector(Path.of("")).inspect(file)));
        } else {
            ResolveHost host = ResolveHost.thisMachine().withCurrentDir(Path.of("").toAbsolutePath());
            out.print(TreeOutput.text(new DependencyResolver(host).resolve(file)));
        }
    }
}
