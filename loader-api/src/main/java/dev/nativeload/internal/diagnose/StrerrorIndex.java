package dev.nativeload.internal.diagnose;

import dev.nativeload.report.Errno;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.IntFunction;

/**
 * The host's own {@code strerror} texts, by error name: turns the tail of a loader message
 * ("No such file or directory", or "Aucun fichier ou dossier de ce type" in a French locale) back
 * into the {@link Errno} it stands for.
 */
public final class StrerrorIndex {
    private final ErrnoTable table;
    private final Map<String, Errno> byText = new HashMap<>();

    /**
     * @param table     the host's error numbers
     * @param errorText the host's {@code strerror}
     */
    public StrerrorIndex(ErrnoTable table, IntFunction<String> errorText) {
        this.table = table;
        for (Errno name : Errno.values()) {
            OptionalInt number = table.number(name);
            if (number.isPresent()) {
                byText.putIfAbsent(errorText.apply(number.getAsInt()).strip(), table.name(number.getAsInt()).orElse(name));
            }
            byText.putIfAbsent(name.glibcText(), name);
        }
    }

    /** {@return the host's error numbers} */
    public ErrnoTable table() {
        return table;
    }

    /**
     * {@return the error whose text ends {@code message}, if any}
     *
     * @param message a loader message or its tail
     */
    public Optional<Errno> match(String message) {
        String m = message.strip();
        Errno exact = byText.get(m);
        if (exact != null) {
            return Optional.of(exact);
        }
        Errno best = null;
        int bestLength = 0;
        for (Map.Entry<String, Errno> e : byText.entrySet()) {
            String text = e.getKey();
            if (text.length() > bestLength && (m.endsWith(": " + text) || m.endsWith("(" + text + ")"))) {
                best = e.getValue();
                bestLength = text.length();
            }
        }
        return Optional.ofNullable(best);
    }
}
