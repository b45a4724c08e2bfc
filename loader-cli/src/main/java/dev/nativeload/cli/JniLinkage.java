package dev.nativeload.cli;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Checks that the natives of an archive bind its classes' native methods: for each method, some native built for
 * the target exports its JNI short or long name ({@link JniNames}). A method none exports is a {@code jni-symbol}
 * violation, unless a native of the archive has {@code JNI_OnLoad}: then it may register its methods itself
 * ({@code RegisterNatives}), under names no table shows, and that is said rather than flagged. A class of which
 * some native methods are bound and some are not is a note, not a violation: the binding proves the native is the
 * class's own, and the unbound methods are API its authors dropped from the native (zstd-jni's
 * {@code Zstd.searchLengthMin()}), which throw {@code UnsatisfiedLinkError} only if called.
 *
 * <p>The classic failure is a shaded jar: the class was relocated ({@code shaded.x.Native}), the native still
 * exports {@code Java_x_Native_foo}, and the JVM throws
 * {@code UnsatisfiedLinkError: 'long shaded.x.Native.foo()'} at the first call. When a native exports the name
 * of the same class and method under another package, the message says so.
 */
final class JniLinkage {
    private JniLinkage() {
    }

    /**
     * What the check found for one archive.
     *
     * @param violations one {@code jni-symbol} violation per class with unbound methods
     * @param notes      what was not checked, and why (dynamic registration, exports not read)
     */
    record Result(List<Violation> violations, List<String> notes) {
        Result {
            violations = List.copyOf(violations);
            notes = List.copyOf(notes);
        }
    }

    /**
     * Checks one archive's native methods.
     *
     * @param methods     the native methods its classes declare
     * @param unitNatives its natives built for the target
     * @param runNatives  every native of the run built for the target (a class may be bound by another jar's)
     * @param target      the target's id, for messages
     * @return the violations and notes
     */
    static Result check(Set<NativeMethod> methods, List<ScannedNative> unitNatives, List<ScannedNative> runNatives,
                        String target) {
        List<Violation> violations = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (methods.isEmpty() || unitNatives.isEmpty()) {
            return new Result(violations, notes);
        }
        List<JniExports> exports = runNatives.stream().flatMap(n -> n.jni().stream()).toList();
        Optional<ScannedNative> onLoad = unitNatives.stream()
                .filter(n -> n.jni().map(JniExports::onLoad).orElse(false)).findFirst();
        Map<String, List<NativeMethod>> unbound = new LinkedHashMap<>();
        Set<String> boundClasses = new HashSet<>();
        int dynamic = 0;
        for (NativeMethod m : methods) {
            String shortName = JniNames.shortName(m);
            String longName = JniNames.longName(m);
            if (exports.stream().anyMatch(e -> e.exports(shortName) || e.exports(longName))) {
                boundClasses.add(m.className());
                continue;
            }
            if (onLoad.isPresent()) {
                dynamic++;
            } else {
                unbound.computeIfAbsent(m.className(), c -> new ArrayList<>()).add(m);
            }
        }
        if (dynamic > 0) {
            notes.add(dynamic + " native method" + (dynamic == 1 ? " is" : "s are") + " exported by no Java_ symbol; "
                    + onLoad.get().fileName() + " has JNI_OnLoad, which registers methods itself (RegisterNatives): "
                    + "not checked");
        }
        for (Map.Entry<String, List<NativeMethod>> e : unbound.entrySet()) {
            if (boundClasses.contains(e.getKey())) {
                List<NativeMethod> some = e.getValue();
                notes.add(e.getKey().replace('/', '.') + ": " + some.size() + " of its native methods ("
                        + some.stream().map(NativeMethod::display).limit(3).collect(Collectors.joining(", "))
                        + (some.size() > 3 ? ", ..." : "") + ") have no symbol while the others have: they throw "
                        + "UnsatisfiedLinkError if called");
            } else {
                violations.add(new Violation("jni-symbol", message(e.getKey(), e.getValue(), exports, target)));
            }
        }
        return new Result(violations, notes);
    }

    private static String message(String className, List<NativeMethod> methods, List<JniExports> exports, String target) {
        StringBuilder s = new StringBuilder(className.replace('/', '.')).append(": ");
        NativeMethod first = methods.getFirst();
        s.append(methods.size() == 1 ? "native method " : methods.size() + " native methods, such as ")
                .append(first.display()).append(", bound by no native for ").append(target)
                .append(" (no export ").append(JniNames.shortName(first)).append(" nor the __signature form, and no "
                        + "JNI_OnLoad): UnsatisfiedLinkError at the first call");
        relocatedFrom(first, exports).ifPresent(found -> s.append("; a native exports ").append(found)
                .append(": the class was relocated (shaded) but its native was not rebuilt for the new package"));
        return s.toString();
    }

    /** A symbol for the same simple class name and method under another package, the trace a relocation leaves. */
    private static Optional<String> relocatedFrom(NativeMethod m, List<JniExports> exports) {
        String simple = m.className().substring(m.className().lastIndexOf('/') + 1);
        String tail = "_" + JniNames.mangle(simple) + "_" + JniNames.mangle(m.name());
        for (JniExports e : exports) {
            for (String symbol : e.javaSymbols()) {
                if (symbol.endsWith(tail) || symbol.contains(tail + "__")) {
                    return Optional.of(symbol);
                }
            }
        }
        return Optional.empty();
    }
}
