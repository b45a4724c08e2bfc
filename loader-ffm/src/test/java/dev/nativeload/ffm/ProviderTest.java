package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.TargetOs;
import dev.nativeload.spi.NativeAccess;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The module registers its provider, and the provider picks the implementation for the host. */
class ProviderTest {
    @Test
    void moduleDescriptorProvidesNativeAccessWithTheFfmProviderClass() {
        ModuleDescriptor d = FfmNativeAccess.class.getModule().getDescriptor();
        assertTrue(d != null, "loader-ffm runs as a named module");
        assertTrue(d.provides().stream().anyMatch(p -> p.service().equals(NativeAccess.class.getName())
                && p.providers().equals(List.of(FfmNativeAccess.class.getName()))), d.provides().toString());
        assertTrue(d.exports().stream().anyMatch(e -> e.source().equals("dev.nativeload.ffm") && !e.isQualified()));
    }

    @Test
    void serviceLoaderFindsExactlyTheProvidersInstance() {
        Module self = FfmNativeAccess.class.getModule();
        self.addUses(NativeAccess.class);
        List<NativeAccess> found = ServiceLoader.load(NativeAccess.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(List.of(FfmNativeAccess.provider()), found);
    }

    @Test
    void windowsGetsTheKernel32ImplementationAndEveryOtherOsTheDlfcnOne() {
        assertEquals("ffm-windows", FfmNativeAccess.forOs(TargetOs.WINDOWS).name());
        assertEquals("ffm-posix", FfmNativeAccess.forOs(TargetOs.LINUX).name());
        assertEquals("ffm-posix", FfmNativeAccess.forOs(TargetOs.MACOS).name());
        assertEquals(Host.os() == TargetOs.WINDOWS, FfmNativeAccess.forOs(TargetOs.WINDOWS).isSupported());
    }
}
