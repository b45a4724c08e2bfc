package dev.nativeload.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.testing.TestData;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A DLL loaded later by a tree's process (a forwarder's target), searched as the root would import it. */
class ResolveLoadedLaterTest {
    static final Path BIND = TestData.path("pe", "bind");

    @TempDir
    Path systemDir;

    @Test
    void dllNoImageImportsIsFoundInTheApplicationDirectoryWithNothingElseOfTheTreeLoaded() throws Exception {
        DependencyResolver resolver = new DependencyResolver(ResolveHost.windows(Architecture.X86_64, systemDir));
        String root = BIND.resolve("useall.exe").toString();
        DependencyNode tree = resolver.resolveLoadedLater(root, "FWDB.dll");
        assertEquals(How.INPUT, tree.how());
        assertEquals(List.of("FWDB.dll"), tree.children().stream().map(DependencyNode::name).toList(),
                "only the DLL asked for, not the root's own imports");
        DependencyNode fwdb = tree.children().get(0);
        assertEquals(How.APP_DIR, fwdb.how());
        assertEquals(Optional.of(BIND.resolve("fwdb.dll").toString()), fwdb.path(), "names match without case");
    }

    @Test
    void dllFoundNowhereIsNotFoundWithEveryPlaceTried() throws Exception {
        DependencyResolver resolver = new DependencyResolver(ResolveHost.windows(Architecture.X86_64, systemDir));
        DependencyNode missing = resolver.resolveLoadedLater(BIND.resolve("useall.exe").toString(), "nosuch.dll").children().get(0);
        assertEquals(How.NOT_FOUND, missing.how());
        assertTrue(missing.tried().stream().anyMatch(t -> t.step() == How.Step.SYSTEM32), missing.tried().toString());
    }
}
