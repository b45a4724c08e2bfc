package dev.nativeload.observability;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.ILoggerFactory;
import org.slf4j.IMarkerFactory;
import org.slf4j.Marker;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;
import org.slf4j.event.LoggingEvent;
import org.slf4j.helpers.BasicMarkerFactory;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.NOPMDCAdapter;
import org.slf4j.spi.LoggingEventAware;
import org.slf4j.spi.MDCAdapter;
import org.slf4j.spi.SLF4JServiceProvider;

/**
 * An SLF4J 2 provider for tests that keeps every event with its key-value pairs, as a structured
 * encoder would receive them: found by {@code ServiceLoader} on the class path of a child JVM
 * (a {@code META-INF/services} entry the test writes for that child only), every level enabled.
 */
public final class CapturingSlf4jProvider implements SLF4JServiceProvider {
    /** Every event so far, as {@code LEVEL<TAB>key=value<TAB>...<TAB>first line of the message}. */
    static final List<String> EVENTS = new CopyOnWriteArrayList<>();

    private final IMarkerFactory markers = new BasicMarkerFactory();
    private final MDCAdapter mdc = new NOPMDCAdapter();

    /** Created by {@code ServiceLoader}. */
    public CapturingSlf4jProvider() {
    }

    @Override
    public ILoggerFactory getLoggerFactory() {
        return CapturingLogger::new;
    }

    @Override
    public IMarkerFactory getMarkerFactory() {
        return markers;
    }

    @Override
    public MDCAdapter getMDCAdapter() {
        return mdc;
    }

    @Override
    public String getRequestedApiVersion() {
        return "2.0.99";
    }

    @Override
    public void initialize() {
    }

    /** A logger with every level on that records each event; the fluent API hands it the key-value pairs. */
    private static final class CapturingLogger extends LegacyAbstractLogger implements LoggingEventAware {
        private static final long serialVersionUID = 1L;

        CapturingLogger(String loggerName) {
            this.name = loggerName;
        }

        @Override
        public void log(LoggingEvent event) {
            record(event.getLevel(), event.getKeyValuePairs(), event.getMessage());
        }

        @Override
        protected void handleNormalizedLoggingCall(Level level, Marker marker, String message, Object[] arguments, Throwable throwable) {
            record(level, List.of(), message);
        }

        private static void record(Level level, List<KeyValuePair> pairs, String message) {
            StringBuilder sb = new StringBuilder(level.name());
            for (KeyValuePair p : pairs == null ? List.<KeyValuePair>of() : pairs) {
                sb.append('\t').append(p.key).append('=').append(p.value);
            }
            sb.append('\t').append(message == null ? "" : message.lines().findFirst().orElse(""));
            EVENTS.add(sb.toString());
        }

        @Override
        protected String getFullyQualifiedCallerName() {
            return null;
        }

        @Override
        public boolean isTraceEnabled() {
            return true;
        }

        @Override
        public boolean isDebugEnabled() {
            return true;
        }

        @Override
        public boolean isInfoEnabled() {
            return true;
        }

        @Override
        public boolean isWarnEnabled() {
            return true;
        }

        @Override
        public boolean isErrorEnabled() {
            return true;
        }
    }
}
