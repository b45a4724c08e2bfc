package dev.nativeload.resolve.symbols;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.platform.HostProbe;
import dev.nativeload.resolve.DependencyResolver;
import dev.nativeload.resolve.ResolveHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Differential on which definition wins: {@code LD_DEBUG=bindings} with what {@code ldd -r} runs
 * ({@code ld.so} in trace mode with {@code LD_BIND_NOW}: the loader's own account of every lookup it
 * makes, run here in the test only) against {@link SymbolBinding#definedIn()},
 * for every 10th shared library of the multiarch directory and every 20th ELF file of /usr/bin,
 * sorted by name (a deterministic sample that keeps the test under a minute). The set of
 * (referencing object, symbol, defining object) the loader prints must equal ours, both ways
 * (paths compared as real paths; the vDSO's own lookups left out).
 */
@EnabledOnOs(OS.LINUX)
@EnabledIfSystemProperty(named = "os.arch", matches = "amd64|x86_64", disabledReason = "the multiarch directory is x86-64's")
class LddBindingsDifferentialTest {
    private static final Path LD_SO = Path.of("/lib64/ld-linux-x86-64.so.2");
    private static final Pattern BINDING = Pattern.compile(
            "binding file (.+) \\[\\d+\\] to (.+) \\[\\d+\\]: (?:normal|protected) symbol `([^']+)'");

    @Test
    void everyBindingLdSoPrintsIsTheDefinitionWeBindToAndNoOther() throws Exception {
        Tools.requireOrSkip("ldd");
        assertTrue(Files.isExecutable(LD_SO), LD_SO + " is glibc's x86-64 loader, there on every glibc host");
        List<Path> files = new ArrayList<>();
        List<Path> libraries = LddSymbolsDifferentialTest.sharedLibraries();
        for (int i = 0; i < libraries.size(); i += 10) {
            files.add(libraries.get(i));
        }
        List<Path> executables = LddSymbolsDifferentialTest.elfFiles(Path.of("/usr/bin"));
        for (int i = 0; i < executables.size(); i += 20) {
            files.add(executables.get(i));
        }
        ResolveHost host = ResolveHost.linuxGlibc(Architecture.fromJvm(System.getProperty("os.arch")))
                .withHwcapsSubdirs(HostProbe.hwcapsSubdirs()).withEnv(Map.of()).withMainOriginIsRealPath(false)
                .withCurrentDir(Path.of("/"));
        DependencyResolver resolver = new DependencyResolver(host);
        SymbolBinder binder = new SymbolBinder(Path.of("/"));
        Map<String, String> real = new HashMap<>();
        List<String> differences = new ArrayList<>();
        int compared = 0;
        for (Path f : files) {
            Set<String> ours = new TreeSet<>();
            for (SymbolBinding b : binder.bind(resolver.resolve(f.toString())).bindings()) {
                if (b.definedIn().isPresent()) {
                    ours.add(real(real, b.object()) + " " + b.symbol() + " -> " + real(real, b.definedIn().get()));
                }
            }
            Set<String> theirs = new TreeSet<>();
            for (String line : lddBindings(f).split("\n")) {
                Matcher m = BINDING.matcher(line);
                if (m.find() && !m.group(1).equals("linux-vdso.so.1")) {
                    theirs.add(real(real, m.group(1)) + " " + m.group(3) + " -> " + real(real, m.group(2)));
                }
            }
            compared += theirs.size();
            Set<String> missing = new TreeSet<>(theirs);
            missing.removeAll(ours);
            Set<String> extra = new TreeSet<>(ours);
            extra.removeAll(theirs);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                differences.add(f + ": ld.so bound, we did not: " + missing + "; we bound, ld.so did not: " + extra);
            }
        }
        System.out.printf("LD_DEBUG=bindings differential: %d files, %d bindings compared, %d files differ%n",
                files.size(), compared, differences.size());
        differences.forEach(d -> System.out.println("DIFF " + d));
        assertTrue(compared > 1000, "the loader printed bindings: " + compared);
        assertEquals(List.of(), differences);
    }

    private static String real(Map<String, String> cache, String path) {
        return cache.computeIfAbsent(path, p -> {
            try {
                return Path.of(p).toRealPath().toString();
            } catch (IOException e) {
                return p;
            }
        });
    }

    private static String lddBindings(Path file) throws IOException, InterruptedException {
        // What ldd -r runs, without the ldd script (bash would print its own bindings): ld.so in trace mode.
        ProcessBuilder pb = new ProcessBuilder(LD_SO.toString(), file.toString()).directory(Path.of("/").toFile())
                .redirectErrorStream(true);
        pb.environment().keySet().removeIf(k -> k.startsWith("LD_"));
        pb.environment().putAll(Map.of("LD_TRACE_LOADED_OBJECTS", "1", "LD_WARN", "yes", "LD_BIND_NOW", "yes",
                "LD_DEBUG", "bindings"));
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("ldd -r timed out on " + file);
        }
        return out;
    }
}
