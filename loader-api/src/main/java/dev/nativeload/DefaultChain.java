package dev.nativeload;

import dev.nativeload.internal.chain.DirectorySearchStrategy;
import dev.nativeload.internal.chain.EmbeddedResourceStrategy;
import dev.nativeload.internal.chain.ExplicitPathStrategy;
import dev.nativeload.internal.chain.SystemNameStrategy;
import dev.nativeload.spi.Layouts;
import dev.nativeload.spi.LoadStrategy;
import dev.nativeload.spi.NativeAccess;
import dev.nativeload.spi.ResourceLayout;
import java.nio.file.Path;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The default chain (explicit → system → directory search → embedded) as a list whose steps are
 * made when first reached: a load the OS's search satisfies never makes the last two, and so never
 * loads the classes of the directory search, the embedded step and its layouts (eight of them,
 * each about a third of a millisecond of a new JVM's first load). The settings are read when the
 * builder builds (the embedded step's class loader included), so every step made later is the one
 * the builder would have made then.
 *
 * <p>Two loaders share a load when their keys are equal, and the key of a default chain compares
 * and hashes these settings ({@link #sameSettings}, {@link #settingsHash}) rather than the steps,
 * which would make them all. As a {@link List} it is unmodifiable and keeps the list contract:
 * {@code equals} and {@code hashCode} are by element. Steps are made racily: two threads may each
 * make one, equal to the other's and immutable, and either is kept.
 */
final class DefaultChain extends AbstractList<LoadStrategy> {
    private static final int STEPS = 4;

    private final String propertyName;
    private final Optional<String> environmentVariable;
    private final List<Path> directories;
    private final ClassLoader loader;
    private final String resourcePrefix;
    private final List<ResourceLayout> layouts;
    private final Path cacheDirectory;
    private final NativeAccess access;
    private final LoadStrategy[] made = new LoadStrategy[STEPS];

    /**
     * The settings of a builder that was given no chain of its own.
     *
     * @param propertyName        the explicit step's system property pattern
     * @param environmentVariable the explicit step's environment variable
     * @param directories         the directory search's configured directories
     * @param loader              the embedded step's class loader
     * @param resourcePrefix      the embedded step's resource prefix
     * @param layouts             the layouts it searches after its own
     * @param cacheDirectory      its cache directory, or null for the default
     * @param access              the OS boundary it uses, or null for the one found on the path
     */
    DefaultChain(String propertyName, Optional<String> environmentVariable, List<Path> directories, ClassLoader loader,
                 String resourcePrefix, List<ResourceLayout> layouts, Path cacheDirectory, NativeAccess access) {
        this.propertyName = propertyName;
        this.environmentVariable = environmentVariable;
        this.directories = List.copyOf(directories);
        this.loader = loader;
        this.resourcePrefix = resourcePrefix;
        this.layouts = List.copyOf(layouts);
        this.cacheDirectory = cacheDirectory;
        this.access = access;
    }

    @Override
    public LoadStrategy get(int index) {
        Objects.checkIndex(index, STEPS);
        LoadStrategy step = made[index];
        if (step == null) {
            step = make(index);
            made[index] = step;
        }
        return step;
    }

    @Override
    public int size() {
        return STEPS;
    }

    private LoadStrategy make(int index) {
        if (index == 0) {
            return new ExplicitPathStrategy(propertyName, environmentVariable);
        }
        if (index == 1) {
            return new SystemNameStrategy();
        }
        if (index == 2) {
            return new DirectorySearchStrategy(directories);
        }
        List<ResourceLayout> all = new ArrayList<>();
        all.add(Layouts.classifier(resourcePrefix));
        all.addAll(layouts);
        return new EmbeddedResourceStrategy(loader, all, Optional.ofNullable(cacheDirectory),
                access != null ? new GivenAccess(access) : LookedUpAccess.INSTANCE);
    }

    /** {@return whether another default chain has the same settings, so the same steps} @param other the other */
    boolean sameSettings(DefaultChain other) {
        return propertyName.equals(other.propertyName) && environmentVariable.equals(other.environmentVariable)
                && directories.equals(other.directories) && loader == other.loader
                && resourcePrefix.equals(other.resourcePrefix) && layouts.equals(other.layouts)
                && Objects.equals(cacheDirectory, other.cacheDirectory) && Objects.equals(access, other.access);
    }

    /** {@return a hash of the settings, consistent with {@link #sameSettings}} */
    int settingsHash() {
        return Objects.hash(propertyName, environmentVariable, directories, System.identityHashCode(loader), resourcePrefix,
                layouts, cacheDirectory, access);
    }

    /** The OS boundary the embedded step uses when none was given: the one found on the path. One, so steps made by two chains are equal. */
    private static final class LookedUpAccess implements Supplier<NativeAccess> {
        static final Supplier<NativeAccess> INSTANCE = new LookedUpAccess();

        @Override
        public NativeAccess get() {
            return NativeAccessLookup.get("the embedded step");
        }
    }

    /** A given {@link NativeAccess}, equal to another holding the same one, so equal builders share a loader. */
    private record GivenAccess(NativeAccess access) implements Supplier<NativeAccess> {
        @Override
        public NativeAccess get() {
            return access;
        }
    }
}
