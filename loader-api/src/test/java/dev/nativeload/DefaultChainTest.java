package dev.nativeload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.internal.chain.DirectorySearchStrategy;
import dev.nativeload.internal.chain.EmbeddedResourceStrategy;
import dev.nativeload.internal.chain.ExplicitPathStrategy;
import dev.nativeload.internal.chain.SystemNameStrategy;
import dev.nativeload.platform.Environment;
import dev.nativeload.spi.Layouts;
import dev.nativeload.spi.LoadStrategy;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * The default chain makes its steps when first reached ({@link DefaultChain}), so a load the OS's
 * search satisfies never loads the later steps' classes; what a user sees of it is unchanged: the
 * same four steps in order, shared loads for equal settings, and the list contract.
 */
class DefaultChainTest {
    private final LoadRegistry registry = new LoadRegistry();

    private static Environment env() {
        Properties p = new Properties();
        p.setProperty("java.library.path", "");
        return Environment.of(Map.of(), p);
    }

    private NativeLoader.Builder builder(String name) {
        return NativeLoader.builder(name).registry(registry).environment(env());
    }

    @Test
    void theDefaultChainIsExplicitSystemDirectorySearchThenEmbeddedWithTheBuildersSettings() {
        Path dir = Path.of("/opt/zstd/lib");
        Path cache = Path.of("/var/cache/app");
        List<LoadStrategy> steps = builder("zstd").environmentVariable("ZSTD_LIB").directories(dir).cacheDirectory(cache)
                .layouts(Layouts.jna()).build().strategies();
        assertEquals(4, steps.size());
        assertEquals(new ExplicitPathStrategy(ExplicitPathStrategy.DEFAULT_PROPERTY, Optional.of("ZSTD_LIB")), steps.get(0));
        assertEquals(new SystemNameStrategy(), steps.get(1));
        assertEquals(new DirectorySearchStrategy(List.of(dir)), steps.get(2));
        EmbeddedResourceStrategy embedded = assertInstanceOf(EmbeddedResourceStrategy.class, steps.get(3));
        assertEquals(Optional.of(cache), embedded.cacheDirectory());
        assertEquals(List.of(Layouts.classifier("native"), Layouts.jna()), embedded.layouts());
        assertEquals(Thread.currentThread().getContextClassLoader(), embedded.classLoader());
        assertThrows(IndexOutOfBoundsException.class, () -> steps.get(4));
        assertThrows(UnsupportedOperationException.class, () -> steps.add(new SystemNameStrategy()));
    }

    @Test
    void aStepIsMadeOnceAndTheChainKeepsTheListContractByElement() {
        List<LoadStrategy> steps = builder("z").build().strategies();
        assertSame(steps.get(3), steps.get(3));
        List<LoadStrategy> copy = List.copyOf(steps);
        assertEquals(copy, steps);
        assertEquals(steps, copy);
        assertEquals(copy.hashCode(), steps.hashCode());
        assertEquals(steps, builder("z").build().strategies());
    }

    @Test
    void equalSettingsShareOneLoadAndAnyDifferentSettingShareNone() {
        FakeAccess access = new FakeAccess().opens("libshared.so");
        NativeLibrary first = builder("shared").access(access).build().load();
        assertSame(first, builder("shared").access(access).build().load(), "equal settings, one load");
        assertEquals(1, access.opened.size());
        assertNotSame(first, builder("shared").access(access).directories(Path.of("/opt/other")).build().load(),
                "another directory is another configuration");
        assertNotSame(first, builder("shared").access(access).environmentVariable("SHARED_LIB").build().load());
        assertNotSame(first, builder("shared").access(access).cacheDirectory(Path.of("/var/cache/other")).build().load());
        assertEquals(4, access.opened.size());
    }

    @Test
    void aDefaultChainIsNeverTheSameConfigurationAsTheSameStepsGivenOneByOne() {
        FakeAccess access = new FakeAccess().opens("libgiven.so");
        NativeLoader defaults = builder("given").access(access).build();
        NativeLibrary byDefault = defaults.load();
        NativeLibrary given = builder("given").access(access).strategies(List.copyOf(defaults.strategies())).build().load();
        // Equal steps, but the key of a default chain hashes its settings: equal keys must hash alike.
        assertNotSame(byDefault, given);
        assertEquals(defaults.strategies(), List.copyOf(defaults.strategies()));
        assertTrue(access.opened.size() == 2, String.valueOf(access.opened));
    }

    @Test
    void aMalformedResourcePrefixIsRefusedWhenSetNotWhenALoadReachesTheEmbeddedStep() {
        NativeLoader.Builder b = builder("prefix");
        assertThrows(IllegalArgumentException.class, () -> b.resourcePrefix("../escape"));
        assertThrows(IllegalArgumentException.class, () -> b.resourcePrefix("/absolute"));
        assertEquals(List.of(Layouts.classifier("shaded/native")),
                ((EmbeddedResourceStrategy) b.resourcePrefix("shaded/native").build().strategies().get(3)).layouts());
    }

    @Test
    void chainsWithDifferentClassLoadersForTheEmbeddedStepDiffer() {
        ClassLoader other = new ClassLoader(null) { };
        List<LoadStrategy> mine = builder("cl").build().strategies();
        List<LoadStrategy> theirs = builder("cl").classLoader(other).build().strategies();
        assertNotEquals(mine, theirs);
        assertNotEquals(((DefaultChain) mine).settingsHash(), ((DefaultChain) theirs).settingsHash());
    }
}
