package dev.nativeload.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/** Runs small test classes through the Jupiter engine with the extension strict and lenient. */
class CiRunsEveryTestTest {

    /** Not run by the build itself (nested classes are not): one test that skips, one that passes, one dynamic skip. */
    abstract static class Skips {
        @Test
        void needsAMissingTool() {
            Assumptions.assumeTrue(false, "frobnicate is not installed");
        }

        @Test
        void needsNothing() {
            assertTrue(true);
        }

        @TestFactory
        Stream<DynamicTest> dynamicNeedsAMissingTool() {
            return Stream.of(DynamicTest.dynamicTest("dynamic", () -> Assumptions.assumeTrue(false, "no mount")));
        }
    }

    static class StrictSkips extends Skips {
        @RegisterExtension
        static CiRunsEveryTest extension = new CiRunsEveryTest(true);
    }

    static class LenientSkips extends Skips {
        @RegisterExtension
        static CiRunsEveryTest extension = new CiRunsEveryTest(false);
    }

    /** Not run by the build itself: a class whose set-up skips. */
    static class StrictSkippingSetUp {
        @RegisterExtension
        static CiRunsEveryTest extension = new CiRunsEveryTest(true);

        @BeforeAll
        static void needsRoot() {
            Assumptions.assumeTrue(false, "cannot mount a tmpfs here");
        }

        @Test
        void usesTheMount() {
            assertTrue(true);
        }
    }

    private static EngineExecutionResults run(Class<?> testClass) {
        // Only the instance the class registers: not one auto-detected from this JVM's own CI variable.
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("junit.jupiter.extensions.autodetection.enabled", "false")
                .selectors(selectClass(testClass)).execute();
    }

    @Test
    void onCiAFailedAssumptionFailsTheTestWithTheAssumptionsMessage() {
        EngineExecutionResults results = run(StrictSkips.class);
        assertEquals(0, results.testEvents().aborted().count(), "nothing is skipped on CI");
        assertEquals(1, results.testEvents().succeeded().count(), "the test that needs nothing passes");
        List<Throwable> failures = results.testEvents().failed().stream()
                .map(e -> e.getRequiredPayload(org.junit.platform.engine.TestExecutionResult.class).getThrowable().orElseThrow())
                .toList();
        assertEquals(2, failures.size(), "the skipping test method and the skipping dynamic test both fail");
        for (Throwable failure : failures) {
            assertInstanceOf(AssertionFailedError.class, failure);
            assertInstanceOf(TestAbortedException.class, failure.getCause(), "the assumption is kept as the cause");
            assertTrue(failure.getMessage().contains("CI=true requires every test to run"), failure.getMessage());
        }
        assertTrue(failures.stream().anyMatch(f -> f.getMessage().contains("frobnicate is not installed")),
                "the assumption's own words are in the failure");
    }

    @Test
    void offCiAFailedAssumptionStillSkips() {
        EngineExecutionResults results = run(LenientSkips.class);
        assertEquals(2, results.testEvents().aborted().count());
        assertEquals(0, results.testEvents().failed().count());
        assertEquals(1, results.testEvents().succeeded().count());
    }

    @Test
    void onCiASkippingBeforeAllFailsTheClass() {
        EngineExecutionResults results = run(StrictSkippingSetUp.class);
        List<Event> failedContainers = results.containerEvents().failed().list();
        assertEquals(1, failedContainers.size(), "the class fails instead of being skipped");
        assertEquals(0, results.containerEvents().aborted().count());
        assertEquals(0, results.testEvents().succeeded().count(), "its tests never ran");
    }

    @Test
    void onlyTheValueTrueMakesItStrict() {
        assertTrue(CiRunsEveryTest.strictFor("true"));
        assertTrue(CiRunsEveryTest.strictFor("TRUE"));
        assertFalse(CiRunsEveryTest.strictFor(null));
        assertFalse(CiRunsEveryTest.strictFor(""));
        assertFalse(CiRunsEveryTest.strictFor("false"));
        assertFalse(CiRunsEveryTest.strictFor("1"));
    }
}
