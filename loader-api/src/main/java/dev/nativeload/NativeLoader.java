package dev.nativeload;

import dev.nativeload.internal.chain.ChainResult;
import dev.nativeload.internal.chain.ChainRunner;

import dev.nativeload.spi.OpenMode;

import dev.nativeload.internal.chain.DirectorySearchStrategy;
import dev.nativeload.internal.chain.EmbeddedResourceStrategy;
import dev.nativeload.internal.chain.ExplicitPathStrategy;
import dev.nativeload.spi.LoadRequest;
import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.internal.chain.SystemNameStrategy;
import dev.nativeload.spi.Layouts;
import dev.nativeload.spi.ResourceLayout;
import dev.nativeload.spi.ResourceName;
import dev.nativeload.platform.Environment;
import dev.nativeload.spi.NativeAccess;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import jdk.jfr.FlightRecorder;

/**
 * Loads native libraries through an ordered fallback chain and, when every step fails, throws a
 * typed {@link NativeLoadException} whose message names every attempt, the real cause and a fix.
 *
 * {@snippet :
 * NativeLibrary z = NativeLoader.load("z");                 // libz.so / libz.dylib / z.dll
 * MethodHandle zlibVersion = Linker.nativeLinker().downcallHandle(
 *         z.lookup("zlibVersion"), FunctionDescriptor.of(ValueLayout.ADDRESS));
 *
 * NativeLibrary zstd = NativeLoader.builder("zstd")
 *         .environmentVariable("ZSTD_LIBRARY_PATH")         // the operator's override
 *         .directories(Path.of("/opt/zstd/lib"))
 *         .mode(new OpenMode(OpenMode.Binding.NOW, OpenMode.Visibility.GLOBAL))
 *         .build()
 *         .load();
 * }
 *
 * <p>The default chain is: {@linkplain ExplicitPathStrategy explicit} (the system property
 * {@code nativeload.<name>.path}, a file or a directory) → {@linkplain SystemNameStrategy system}
 * (the OS loader's search by name, then {@code java.library.path}) →
 * {@linkplain DirectorySearchStrategy directory search} (every candidate directory times every
 * versioned file name, by absolute path) → {@linkplain EmbeddedResourceStrategy embedded} (a library
 * inside a jar, {@code native/<platform-id>/<file>} or a {@link Layouts} preset, extracted to a
 * verified cache). Before a file is handed to the OS its headers are read:
 * one built for another machine, format or C library is skipped with the reason recorded.
 *
 * <p>A loader shares what it loads: loading the same name with the same configuration again, from
 * any thread, returns the same {@link NativeLibrary}, and concurrent first loads open it once.
 */
public final class NativeLoader {
    /** What makes two loads the same load. */
    private record Key(String name, List<LoadStrategy> strategies, OpenMode mode, boolean precheck, boolean bindSymbols,
                       NativeAccess access, Environment environment, Consumer<Path> jniLoader) {
        /**
         * {@return a hash of the components, written out}: the record's generated one bootstraps
         * {@code ObjectMethods} on first use, tens of milliseconds in a new JVM, and the registry
         * hashes the key on every first load. The strategies and the mode write theirs out too.
         */
        @Override
        public int hashCode() {
            int chain = strategies instanceof DefaultChain d ? d.settingsHash() : strategies.hashCode();
            return Objects.hash(name, chain, mode, precheck, bindSymbols, access, environment, jniLoader);
        }

        /**
         * Written out like {@link #hashCode()}; a default chain compares its settings, not its steps, which
         * it has not made, and is never equal to a chain given step by step (their hashes differ).
         */
        @Override
        public boolean equals(Object o) {
            if (!(o instanceof Key k)) {
                return false;
            }
            boolean sameChain;
            if (strategies instanceof DefaultChain d) {
                sameChain = k.strategies instanceof DefaultChain e && d.sameSettings(e);
            } else {
                sameChain = !(k.strategies instanceof DefaultChain) && strategies.equals(k.strategies);
            }
            return sameChain && name.equals(k.name) && Objects.equals(mode, k.mode) && precheck == k.precheck
                    && bindSymbols == k.bindSymbols && Objects.equals(access, k.access)
                    && Objects.equals(environment, k.environment) && Objects.equals(jniLoader, k.jniLoader);
        }
    }

    private final Key key;
    private final LoadRegistry registry;
    /** What this loader loaded, so a repeated load is a field read, not a hash of the whole key. */
    private volatile NativeLibrary mine;

    private NativeLoader(Builder b) {
        this.key = new Key(b.name, b.strategies(), b.mode, b.precheck,
                b.bindSymbols.orElse(b.mode.binding() == OpenMode.Binding.LAZY), b.access, b.environment, b.jniLoader);
        this.registry = b.registry;
    }

    /**
     * Loads a library by its logical name through the default chain.
     *
     * @param name the name without prefix or suffix ({@code "z"} for {@code libz.so}, {@code z.dll}),
     *             or a file name ({@code "libz.so.1"}); never a path (use {@link #load(Path)})
     * @return the loaded library, shared with other callers that load the same name; close it once
     *         when done, or never
     * @throws NativeLoadException      (one of its subclasses) naming every attempt and the cause
     * @throws IllegalArgumentException if the name holds a path separator, {@code ..} or a NUL
     */
    public static NativeLibrary load(String name) {
        return builder(name).build().load();
    }

    /**
     * Loads one file by its path.
     *
     * @param file the library file
     * @return the loaded library, shared with other callers that load the same file
     * @throws NativeLoadException (one of its subclasses) saying why the file cannot load
     */
    public static NativeLibrary load(Path file) {
        return builder(String.valueOf(file.toAbsolutePath().getFileName()))
                .strategies(List.of(LoadStrategy.file(file)))
                .build()
                .load();
    }

    /**
     * {@return a builder for loading {@code name} with options}
     *
     * @param name the library's logical name, or a file name
     * @throws IllegalArgumentException if the name is blank or holds a path separator, {@code ..} or a NUL
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /**
     * Runs the chain, or returns the library this configuration already loaded (taking one more
     * reference on it; see {@link NativeLibrary}).
     *
     * @return the loaded library
     * @throws NativeLoadException (one of its subclasses) naming every attempt and the cause
     */
    public NativeLibrary load() {
        NativeLibrary loaded = mine;
        if (loaded != null && loaded.tryAcquire()) {
            return loaded;
        }
        loaded = registry.load(key, this);
        mine = loaded;
        return loaded;
    }

    /**
     * Tries to load, for a library that is optional: never throws for a failed load.
     *
     * @param onFailure told why, when the load failed (the exception that {@link #load()} would have
     *                  thrown, with its report); {@code e -> {}} to ignore it
     * @return the library, or empty when it could not be loaded
     */
    public Optional<NativeLibrary> tryLoad(Consumer<? super NativeLoadException> onFailure) {
        try {
            return Optional.of(load());
        } catch (NativeLoadException e) {
            onFailure.accept(e);
            return Optional.empty();
        }
    }

    /**
     * Runs the chain, as a JFR event ({@link LoadEvent}) once JFR has started; called by the one thread that
     * runs this configuration's load now ({@link LoadRegistry}). Before JFR starts no recording can want the event, and the event
     * class is not even loaded: loading any JFR event class sets up JFR's metadata (about 250 classes).
     */
    NativeLibrary open() {
        if (!FlightRecorder.isInitialized()) {
            return runChain();
        }
        LoadEvent event = new LoadEvent();
        event.begin();
        try {
            NativeLibrary library = runChain();
            event.loaded(library.report(), library.path());
            return library;
        } catch (NativeLoadException failed) {
            event.failed(failed.report(), failed.diagnosis());
            throw failed;
        }
    }

    /** Runs the chain. */
    private NativeLibrary runChain() {
        NativeAccess access = key.access() != null ? key.access() : NativeAccessLookup.get(key.name());
        LoadRequest request = new LoadRequest(key.name(), access.host(), key.environment());
        ChainResult result = new ChainRunner(access).run(request, key.strategies(), key.mode(), key.precheck(),
                key.bindSymbols());
        // instanceof, not a pattern switch: a switch over types bootstraps a class at run time, and
        // this runs on every first load. The test is for success, so a success never loads the
        // failure's class (a cast resolves its class only when it runs).
        if (!(result instanceof ChainResult.Loaded s)) {
            ChainResult.Failed f = (ChainResult.Failed) result;
            NativeLoadException failure = NativeLoadException.of(f.report(), f.cause());
            LoadLog.failed(f.report(), f.cause());
            throw failure;
        }
        if (key.jniLoader() != null) {
            s = JniHandOff.handOff(s, key.jniLoader(), access);
        }
        return new NativeLibrary(key.name(), s.path(), s.handle(), access, s.deferred(), registry, key);
    }

    /** {@return the strategies this loader runs, in order} */
    public List<LoadStrategy> strategies() {
        return key.strategies();
    }

    /** Options for one library's load. Not thread-safe; the built {@link NativeLoader} is. */
    public static final class Builder {
        private final String name;
        private List<LoadStrategy> strategies;
        private String propertyName = ExplicitPathStrategy.DEFAULT_PROPERTY;
        private Optional<String> environmentVariable = Optional.empty();
        private final List<Path> directories = new ArrayList<>();
        private OpenMode mode = OpenMode.DEFAULT;
        private boolean precheck = true;
        private Optional<Boolean> bindSymbols = Optional.empty();
        private NativeAccess access;
        private Environment environment = Environment.system();
        private ClassLoader classLoader;
        private String resourcePrefix = "native";
        private final List<ResourceLayout> layouts = new ArrayList<>();
        private Path cacheDirectory;
        private Consumer<Path> jniLoader;
        private LoadRegistry registry = LoadRegistry.DEFAULT;

        private Builder(String name) {
            this.name = LibraryName.check(name);
        }

        /** Uses another registry of loaded libraries than the process-wide one; for tests. */
        Builder registry(LoadRegistry other) {
            this.registry = Objects.requireNonNull(other, "other");
            return this;
        }

        /**
         * Replaces the whole chain with these steps, in this order.
         *
         * @param steps the strategies
         * @return this builder
         */
        public Builder strategies(List<? extends LoadStrategy> steps) {
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a chain needs at least one strategy");
            }
            this.strategies = List.copyOf(steps);
            return this;
        }

        /**
         * Sets the system property of the explicit step; {@code %s} stands for the library name.
         *
         * @param property e.g. {@code "myapp.zstd.path"}; the default is {@code nativeload.%s.path}
         * @return this builder
         */
        public Builder explicitPathProperty(String property) {
            this.propertyName = Objects.requireNonNull(property, "property");
            return this;
        }

        /**
         * Names an environment variable the explicit step reads (a file or directory).
         *
         * @param variable e.g. {@code "ZSTD_LIBRARY_PATH"}
         * @return this builder
         */
        public Builder environmentVariable(String variable) {
            this.environmentVariable = Optional.of(variable);
            return this;
        }

        /**
         * Adds directories the directory search tries before all others.
         *
         * @param dirs the directories
         * @return this builder
         */
        public Builder directories(Path... dirs) {
            directories.addAll(List.of(dirs));
            return this;
        }

        /**
         * Sets how symbols are bound and shown: {@link OpenMode#DEFAULT} is {@code RTLD_NOW | RTLD_LOCAL}.
         *
         * @param openMode the mode
         * @return this builder
         */
        public Builder mode(OpenMode openMode) {
            this.mode = Objects.requireNonNull(openMode, "openMode");
            return this;
        }

        /**
         * Whether to read each candidate's headers first and skip one that cannot load here
         * (default true). With false every candidate goes to the OS, and failures are explained after.
         *
         * @param enabled whether to pre-check
         * @return this builder
         */
        public Builder precheck(boolean enabled) {
            this.precheck = enabled;
            return this;
        }

        /**
         * Whether the pre-check binds each candidate file's symbols before the OS opens it (glibc's
         * rules, offline), so a reference that neither the library's dependencies nor this process
         * define fails the candidate with {@link UnresolvedSymbolException}
         * ({@link dev.nativeload.report.FailureKind#UNDEFINED_SYMBOL}) naming the symbol and the
         * object that references it, instead of a load that succeeds and a JVM that glibc ends with
         * "symbol lookup error" at the function's first call. By default it is on when the
         * {@linkplain #mode(OpenMode) mode} binds lazily ({@link OpenMode.Binding#LAZY}) and off with
         * {@link OpenMode.Binding#NOW}, where the loader itself refuses such a library. It applies
         * on Linux with glibc only, to files (not names the OS searches for), and only with the
         * {@linkplain #precheck(boolean) pre-check}; a set of files shipped together is not bound.
         *
         * @param enabled whether to bind symbols before the load, whatever the mode
         * @return this builder
         */
        public Builder bindSymbolsBeforeLoad(boolean enabled) {
            this.bindSymbols = Optional.of(enabled);
            return this;
        }

        /**
         * Uses this OS boundary instead of the service found on the module or class path (tests,
         * fault injection, embedders).
         *
         * @param nativeAccess the implementation
         * @return this builder
         */
        public Builder access(NativeAccess nativeAccess) {
            this.access = Objects.requireNonNull(nativeAccess, "nativeAccess");
            return this;
        }

        /**
         * Reads environment variables and system properties from here instead of the process's.
         *
         * @param env the environment
         * @return this builder
         */
        public Builder environment(Environment env) {
            this.environment = Objects.requireNonNull(env, "env");
            return this;
        }

        /**
         * Sets the class loader whose resources the embedded step searches (default: the
         * thread's context class loader when {@link #build()} runs, else this library's own).
         *
         * @param loader the class loader
         * @return this builder
         */
        public Builder classLoader(ClassLoader loader) {
            this.classLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /**
         * Sets the top directory of the embedded step's own layout, {@code <prefix>/<platform-id>/<file>}.
         *
         * @param prefix {@code "native"} by default; change it so shaded copies do not collide
         * @return this builder
         * @throws IllegalArgumentException if the prefix could escape its directory or is malformed
         */
        public Builder resourcePrefix(String prefix) {
            // Checked now, as the layout checks it: the default chain makes its embedded step only when
            // a load reaches it, which would be too late to say the prefix was wrong.
            ResourceName.of(Objects.requireNonNull(prefix, "prefix"));
            this.resourcePrefix = prefix;
            return this;
        }

        /**
         * Adds layouts the embedded step searches after its own ({@link Layouts#jna()},
         * {@link Layouts#sqliteJdbc()}, {@link Layouts#zstdJni()}, {@link Layouts#netty()}, ...).
         *
         * @param presets the layouts, in order
         * @return this builder
         */
        public Builder layouts(ResourceLayout... presets) {
            layouts.addAll(List.of(presets));
            return this;
        }

        /**
         * Names the directory embedded libraries are extracted to, tried before the per-user cache and
         * {@code java.io.tmpdir} (default: the system property {@code nativeload.cacheDir}, if set).
         *
         * @param dir the cache directory; created {@code 0700} if absent, refused if unsafe
         * @return this builder
         */
        public Builder cacheDirectory(Path dir) {
            this.cacheDirectory = Objects.requireNonNull(dir, "dir");
            return this;
        }

        /**
         * Hands the loaded file's absolute path to the caller's own loader after the chain opened it,
         * so JNI methods bind in the caller's class loader: {@code .jniLoader(p -> System.load(p.toString()))}
         * written in the class that declares the {@code native} methods ({@code System.load} binds to
         * the class loader of the class whose code calls it). The report records the hand-off.
         *
         * @param loader called with the absolute path of the file that loaded
         * @return this builder
         */
        public Builder jniLoader(Consumer<Path> loader) {
            this.jniLoader = Objects.requireNonNull(loader, "loader");
            return this;
        }

        /** {@return the chain given, or the default one, its steps made when first reached ({@link DefaultChain})} */
        private List<LoadStrategy> strategies() {
            if (strategies != null) {
                return strategies;
            }
            ClassLoader loader = classLoader != null ? classLoader : Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = NativeLoader.class.getClassLoader();
            }
            return new DefaultChain(propertyName, environmentVariable, directories, loader, resourcePrefix, layouts,
                    cacheDirectory, access);
        }

        /** {@return the loader} */
        public NativeLoader build() {
            return new NativeLoader(this);
        }
    }
}
