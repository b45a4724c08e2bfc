package dev.nativeload.maven;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks the natives the project ships: each file under a platform directory of the default layout
 * ({@code native/<platform-id>/}, in {@code target/classes} and in the packaged jar) is checked against that
 * platform by {@code nativeload verify} (format, OS, architecture and C library, the glibc ceiling, run paths,
 * dependencies), and the build fails with nativeload's messages when one may not ship. With {@code <targets>}, each
 * target must also have a native built for it somewhere in the output, and natives outside the platform directories
 * are checked against the targets they are built for.
 */
@Mojo(name = "verify", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public final class VerifyMojo extends NativeloadMojo {
    /** The compiled output, whose {@code native/<platform-id>/} directories are checked. */
    @Parameter(defaultValue = "${project.build.outputDirectory}", required = true)
    private File classesDirectory;

    /**
     * The top directory of the layout, {@code native} by default; set it when the natives are shaded under another
     * prefix ({@code Layouts.classifier(prefix)} in the loader).
     */
    @Parameter(property = "nativeload.prefix", defaultValue = "native", required = true)
    private String prefix;

    /** Creates the goal; Maven sets its parameters. */
    public VerifyMojo() {
    }

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path base = project.getBasedir().toPath().toAbsolutePath();
        Optional<Path> jar = packagedJar();
        LayoutNatives natives = new LayoutNatives(prefix, base);
        try {
            natives.addDirectory(classesDirectory.toPath());
            if (jar.isPresent()) {
                natives.addJar(jar.get(), workDirectory().resolve("jar"));
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the project's natives: " + e.getMessage(), e);
        }
        Map<String, List<NativeFile>> byPlatform = new TreeMap<>();
        for (NativeFile file : natives.files()) {
            byPlatform.computeIfAbsent(file.platformId(), id -> new ArrayList<>()).add(file);
        }
        List<String> platforms = targets == null ? List.of() : targets.stream().map(String::strip).toList();
        if (byPlatform.isEmpty() && platforms.isEmpty()) {
            getLog().info("nativeload: no natives under " + prefix + "/<platform-id>/ in " + classesDirectory
                    + " or the packaged jar");
            return;
        }
        CliFork fork = fork();
        List<String> failures = new ArrayList<>();
        PlatformVerify verify = new PlatformVerify(fork, base, workDirectory(), prefix, getLog());
        for (Map.Entry<String, List<NativeFile>> platform : byPlatform.entrySet()) {
            failures.addAll(verify.check(platform.getKey(), glibcCeiling(platform.getKey()), platform.getValue()));
        }
        if (!platforms.isEmpty()) {
            Map<Path, String> roots = new LinkedHashMap<>();
            if (classesDirectory.isDirectory()) {
                Path classes = classesDirectory.toPath().toAbsolutePath();
                roots.put(classes, base.relativize(classes) + "/");
            }
            jar.ifPresent(j -> roots.put(j, base.relativize(j) + "!/"));
            failures.addAll(new OutputTargets(new TargetScan(fork, base), prefix, getLog())
                    .check(roots, platforms, this::glibcCeiling, byPlatform.keySet()));
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException("nativeload: " + failures.size() + " problem(s) with the natives:\n"
                    + String.join("\n", failures));
        }
    }

    /** {@return the jar the package phase built, when it has (a goal run before it sees none)} */
    private Optional<Path> packagedJar() {
        File file = project.getArtifact().getFile();
        return file != null && file.isFile() && file.getName().endsWith(".jar")
                ? Optional.of(file.toPath().toAbsolutePath()) : Optional.empty();
    }
}
