package dev.nativeload.internal.log;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.helpers.NOPLogger;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * nativeload's loggers: SLF4J's when the application has an SLF4J provider, else SLF4J's no-operation
 * logger, got without starting SLF4J. Started with no provider, SLF4J writes three lines of its own
 * to standard error ("No SLF4J providers were found"), which an application that does not log
 * through SLF4J must never see because it loaded a library. A provider is what SLF4J itself would
 * find: one named by its {@code slf4j.provider} system property, or one that {@link ServiceLoader}
 * finds through SLF4J's class loader. Looked up once, on the first logger asked for.
 */
public final class Loggers {
    private Loggers() {
    }

    private static final class Provider {
        static final boolean PRESENT = present();
    }

    /**
     * {@return the logger of a class: SLF4J's, or the no-operation one when no provider is present}
     *
     * @param owner the class that logs
     */
    public static Logger of(Class<?> owner) {
        return Provider.PRESENT ? LoggerFactory.getLogger(owner) : NOPLogger.NOP_LOGGER;
    }

    /**
     * {@return whether SLF4J has a provider here, so that a logger of {@link #of} logs somewhere} For the
     * first load's own logger, which is not even made without one: no SLF4J class is loaded then.
     */
    public static boolean providerPresent() {
        return Provider.PRESENT;
    }

    private static boolean present() {
        if (System.getProperty("slf4j.provider") != null) {
            return true;
        }
        try {
            // The class literal does not initialise LoggerFactory; its loader is the one SLF4J searches.
            return ServiceLoader.load(SLF4JServiceProvider.class, LoggerFactory.class.getClassLoader()).findFirst().isPresent();
        } catch (ServiceConfigurationError | LinkageError broken) {
            return false;
        }
    }
}
