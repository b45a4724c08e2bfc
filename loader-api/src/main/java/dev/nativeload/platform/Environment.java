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

    /** {@return the real process environment and this JVM's system properties} */
    static Environment system() {
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(System.getenv(name));
            }

            @Override
            public Optional<String> property(String name) {
                return Optional.ofNullable(System.getProperty(name));
            }
        };
    }

    /**
     * {@return a fixed environment, for tests}
     *
     * @param variables  environment variables
     * @param properties system properties
     */
    static Environment of(Map<String, String> variables, Properties properties) {
        Map<String, String> vars = Map.copyOf(variables);
        Properties props = (Properties) properties.clone();
        return new Environment() {
            @Override
            public Optional<String> variable(String name) {
                return Optional.ofNullable(vars.get(name));
            }

            @Override
            public Optional<String> property(String name) {
                return Optional.ofNullable(props.getProperty(name));
            }
        };
    }
}
