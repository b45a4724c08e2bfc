package dev.nativeload.testsupport;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import org.junit.jupiter.api.extension.DynamicTestInvocationContext;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * On CI, a test that would be skipped fails instead, so a green run means the whole suite ran.
 *
 * <p>A test skips by failing an assumption ({@code assumeTrue(readelfInstalled, ...)}), which throws
 * {@link TestAbortedException}; this extension wraps every test method, lifecycle method, test class
 * constructor and dynamic test, and when the environment variable {@code CI} is {@code true} it turns
 * that exception into an {@link AssertionFailedError} that keeps the assumption's message ("readelf is
 * not installed") and names the fix. Outside CI an assumption still skips, so a developer without
 * a cross compiler can run the rest.
 *
 * <p>Every module's tests get it through JUnit's extension auto-detection
 * ({@code META-INF/services/org.junit.jupiter.api.extension.Extension}, switched on by the build's
 * {@code junit.jupiter.extensions.autodetection.enabled}). Tests that are disabled by a condition on
 * the operating system or architecture ({@code @EnabledOnOs}) are not assumptions and stay disabled.
 */
public final class CiRunsEveryTest implements InvocationInterceptor {
    /** The environment variable CI services set; {@code true} makes every skip a failure. */
    public static final String CI_VARIABLE = "CI";

    private final boolean strict;

    /** The instance JUnit's auto-detection creates: strict when the environment variable {@code CI} is {@code true}. */
    public CiRunsEveryTest() {
        this(strictFor(System.getenv(CI_VARIABLE)));
    }

    /**
     * An instance with the given strictness, whatever the environment says.
     *
     * @param strict {@code true} to fail a test that would be skipped, {@code false} to let it skip
     */
    public CiRunsEveryTest(boolean strict) {
        this.strict = strict;
    }

    /**
     * {@return whether a value of the environment variable {@code CI} asks for every test to run}
     *
     * @param ciValue the variable's value, or {@code null} when it is not set
     */
    public static boolean strictFor(String ciValue) {
        return ciValue != null && ciValue.strip().equalsIgnoreCase("true");
    }

    private <T> T guard(Invocation<T> invocation, ExtensionContext context) throws Throwable {
        try {
            return invocation.proceed();
        } catch (TestAbortedException skipped) {
            if (!strict) {
                throw skipped;
            }
            throw new AssertionFailedError(context.getDisplayName() + " would be skipped (" + skipped.getMessage()
                    + "), and CI=true requires every test to run: install what it needs (scripts/install-packages.sh)"
                    + " or run it with the privilege it needs", skipped);
        }
    }

    /** {@inheritDoc} */
    @Override
    public <T> T interceptTestClassConstructor(Invocation<T> invocation,
            ReflectiveInvocationContext<Constructor<T>> invocationContext, ExtensionContext extensionContext)
            throws Throwable {
        return guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public void interceptBeforeAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public void interceptBeforeEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public void interceptTestMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public <T> T interceptTestFactoryMethod(Invocation<T> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        return guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public void interceptDynamicTest(Invocation<Void> invocation, DynamicTestInvocationContext invocationContext,
            ExtensionContext extensionContext) throws Throwable {
        guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public void interceptAfterEachMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        guard(invocation, extensionContext);
    }

    /** {@inheritDoc} */
    @Override
    public void interceptAfterAllMethod(Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext, ExtensionContext extensionContext) throws Throwable {
        guard(invocation, extensionContext);
    }

    /** {@return the extension's name and whether it is strict} */
    @Override
    public String toString() {
        return "CiRunsEveryTest[strict=" + strict + "]";
    }
}
