package dev.nativeload.platform;

import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Where strategies read environment variables and system properties, so tests can supply their own.
 */
public interface Environment {
    /** {@return an environment variable's value} @param name the variable */
    Optional<String> variable(String name);

    /** {@return a system property's value} @param name the property */
    Optional<String> property(String name);

    /** {@return the real process environment and this JVM's system properties; always the same instance} */
    static Environment system() {
        return SystemEnvironment.INSTANCE;
    }

    /**
     * {@return a fixed environment, for tests}
     *
     * @param variables  environment variables
     * @param properties system properties
     */
    static Environment of(Map<String, String> variables, Properties properties) {
        return new FixedEnvironment(Map.copyOf(variables), (Properties) properties.clone());
    }

    /** The process's own environment. */
    enum SystemEnvironment implements Environment {
        INSTANCE;

        @Override
        public Optional<String> variable(String name) {
            return Optional.ofNullable(System.getenv(name));
        }

        @Override
        public Optional<String> property(String name) {
            return Optional.ofNullable(System.getProperty(name));
        }
    }

    /**
     * A fixed set of variables and properties.
     *
     * @param variables  environment variables
     * @param properties system properties
     */
    record FixedEnvironment(Map<String, String> variables, Properties properties) implements Environment {
        @Override
        public Optional<String> variable(String name) {
            return Optional.ofNullable(variables.get(name));
        }

        @Override
        public Optional<String> property(String name) {
            return Optional.ofNullable(properties.getProperty(name));
        }
    }
}
