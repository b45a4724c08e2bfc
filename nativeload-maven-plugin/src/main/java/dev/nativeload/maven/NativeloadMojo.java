package dev.nativeload.maven;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.toolchain.ToolchainManager;

/**
 * What both goals share: the parameters that choose the JDK nativeload runs on and how long it may take, the
 * glibc ceiling, and the fork itself. The plugin's classes are release 17 and never load a nativeload class in
 * Maven's JVM; every check runs in a forked JDK 22 or newer ({@link JdkSelector}).
 */
abstract class NativeloadMojo extends AbstractMojo {
    /** The build's session. */
    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    protected MavenSession session;

    /** The project being built. */
    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /** This plugin, with its resolved dependencies (loader-cli among them). */
    @Parameter(defaultValue = "${plugin}", readonly = true, required = true)
    protected PluginDescriptor plugin;

    /** Finds the jdk toolchain nativeload is forked on. */
    @Component
    protected ToolchainManager toolchainManager;

    /**
     * A JDK 22 or newer to run nativeload on, used when the build has no jdk toolchain of version 22 or newer
     * (toolchains come first); without either, Maven's own JVM when it is 22 or newer.
     */
    @Parameter(property = "nativeload.javaHome")
    protected File javaHome;

    /** How long one nativeload run may take before it is killed and the build fails, in seconds. */
    @Parameter(property = "nativeload.timeoutSeconds", defaultValue = "300")
    protected long timeoutSeconds;

    /**
     * The newest glibc the natives may need, such as {@code 2.28}: a native for a linux glibc platform needing a
     * newer {@code GLIBC_} symbol version fails the build. It does not apply to musl, macOS or Windows platforms.
     */
    @Parameter(property = "nativeload.maxGlibc")
    protected String maxGlibc;

    /**
     * The platforms to check against, as platform ids ({@code linux-x86_64}, {@code linux-aarch64-musl},
     * {@code osx-aarch64}, {@code windows-x86_64}, ...): each must have a native built for it, and those natives
     * must pass nativeload's rules.
     */
    @Parameter(property = "nativeload.targets")
    protected List<String> targets;

    /** Skips the goal. */
    @Parameter(property = "nativeload.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("nativeload: skipped (nativeload.skip)");
            return;
        }
        run();
    }

    /**
     * Runs the goal.
     *
     * @throws MojoExecutionException when nativeload cannot be run or its output cannot be read
     * @throws MojoFailureException   when a check fails
     */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * {@return a fork of nativeload on the chosen JDK, its standard error relayed to the build log}
     *
     * @throws MojoExecutionException when no JDK 22 or newer is available or loader-cli is missing
     */
    protected CliFork fork() throws MojoExecutionException {
        Path mavenJava = Path.of(System.getProperty("java.home"));
        ForkJava java = new JdkSelector(toolchainManager, session, Optional.ofNullable(javaHome).map(File::toPath),
                mavenJava, Runtime.version().feature()).select();
        getLog().info("nativeload runs on " + java.executable() + ", from " + java.origin());
        List<Path> modulePath = CliModulePath.of(new ArrayList<>(plugin.getArtifacts()));
        return new CliFork(java, modulePath, timeoutSeconds, line -> getLog().warn("nativeload: " + line),
                getLog()::debug, workDirectory());
    }

    /**
     * {@return the {@code --max-glibc} arguments for a platform: the ceiling for a linux glibc platform, none otherwise}
     *
     * @param platformId a platform id such as {@code linux-x86_64}
     */
    protected List<String> glibcCeiling(String platformId) {
        return maxGlibc != null && !maxGlibc.isBlank() && PlatformIds.isLinuxGlibc(platformId)
                ? List.of("--max-glibc", maxGlibc.strip()) : List.of();
    }

    /** {@return the plugin's work directory, {@code target/nativeload}} */
    protected Path workDirectory() {
        return Path.of(project.getBuild().getDirectory(), "nativeload");
    }
}
