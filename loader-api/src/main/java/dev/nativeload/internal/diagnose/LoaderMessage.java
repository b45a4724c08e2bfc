package dev.nativeload.internal.diagnose;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A dynamic loader's error text taken apart: which object it is about and what it says of it.
 *
 * <p>Reads the shapes of glibc's {@code dlerror()} ({@code "<object>: <what>[: <strerror>]"}),
 * musl's ({@code "Error loading shared library <object>: <strerror>"}) and dyld's
 * ({@code "Library not loaded: ..."}, {@code "... (no such file), ... (mach-o file, but is an
 * incompatible architecture ...)"}). The glibc and musl phrases are matched in English; a
 * translated message still yields its object and its trailing {@code strerror} text, which the
 * classifier matches against the host's own {@code strerror} table.
 *
 * @param text       the whole message, verbatim
 * @param shape      which known message it is
 * @param object     the object the message is about (a path or a bare name), when it names one
 * @param reason     the trailing OS error text ({@code strerror}), when the message ends with one
 * @param symbol     the undefined symbol, for {@link Shape#UNDEFINED_SYMBOL}
 * @param version    the missing version, for {@link Shape#VERSION_NOT_FOUND}
 * @param requiredBy who needs the object or version, when the message says
 */
public record LoaderMessage(String text, Shape shape, Optional<String> object, Optional<String> reason,
                            Optional<String> symbol, Optional<String> version, Optional<String> requiredBy) {

    /** The messages the classifier knows. */
    public enum Shape {
        CANNOT_OPEN, WRONG_ELF_CLASS, INVALID_ELF_HEADER, FILE_TOO_SHORT, CANNOT_READ, UNDEFINED_SYMBOL,
        VERSION_NOT_FOUND, MAP_SEGMENT_FAILED, DYLD_INCOMPATIBLE_ARCH, DYLD_NOT_MACHO, DYLD_CODE_SIGNATURE,
        DYLD_LIBRARY_NOT_LOADED, DYLD_NO_SUCH_FILE, OTHER
    }

    private record Rule(Shape shape, Pattern pattern) {
    }

    private static final List<Rule> RULES = List.of(
            rule(Shape.DYLD_LIBRARY_NOT_LOADED, "(?s).*Library not loaded: (?<obj>[^\\n]+?)\\s*\\n\\s*Referenced from: (?:<[^>]*> )?(?<by>[^\\n(]+?)\\s*(?:\\(.*)?\\n.*"),
            rule(Shape.UNDEFINED_SYMBOL, "(?s).*Symbol not found: (?<sym>[^\\n]+?)\\s*\\n\\s*Referenced from: (?:<[^>]*> )?(?<obj>[^\\n(]+?)\\s*(?:\\(.*)?(?:\\n.*)?"),
            rule(Shape.DYLD_INCOMPATIBLE_ARCH, "(?s)dlopen\\((?<obj>[^,]+), .*incompatible architecture.*"),
            rule(Shape.DYLD_CODE_SIGNATURE, "(?s)dlopen\\((?<obj>[^,]+), .*code signature.*"),
            rule(Shape.DYLD_NOT_MACHO, "(?s)dlopen\\((?<obj>[^,]+), .*not a mach-o file.*"),
            rule(Shape.DYLD_NO_SUCH_FILE, "(?s)dlopen\\((?<obj>[^,]+), .*(?:no such file|image not found).*"),
            rule(Shape.CANNOT_OPEN, "Error loading shared library (?<obj>.+?): (?<err>.+?)(?: \\(needed by (?<by>.+)\\))?"),
            rule(Shape.UNDEFINED_SYMBOL, "Error relocating (?<obj>.+?): (?<sym>[^:]+): symbol not found"),
            rule(Shape.CANNOT_OPEN, "(?<obj>.+?): cannot open shared object file: (?<err>.+)"),
            rule(Shape.WRONG_ELF_CLASS, "(?<obj>.+?): wrong ELF class: .+"),
            rule(Shape.INVALID_ELF_HEADER, "(?<obj>.+?): invalid ELF header"),
            rule(Shape.FILE_TOO_SHORT, "(?<obj>.+?): file too short"),
            rule(Shape.CANNOT_READ, "(?<obj>.+?): cannot (?:read file data|stat shared object|create shared object descriptor): (?<err>.+)"),
            rule(Shape.UNDEFINED_SYMBOL, "(?<obj>.+?): undefined symbol: (?<sym>[^,]+)(?:, version (?<ver>.+))?"),
            rule(Shape.VERSION_NOT_FOUND, "(?<obj>.+?): version `(?<ver>[^']+)' not found \\(required by (?<by>.+)\\)"),
            rule(Shape.MAP_SEGMENT_FAILED, "(?<obj>.+?): failed to map segment from shared object(?:: (?<err>.+))?"),
            rule(Shape.OTHER, "(?<obj>[^:]+?): (?:.*: )?(?<err>[^:]+)"));

    private static Rule rule(Shape shape, String regex) {
        return new Rule(shape, Pattern.compile(regex));
    }

    public LoaderMessage {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(shape, "shape");
    }

    /**
     * {@return the message taken apart; an unknown message is {@link Shape#OTHER} with nothing extracted}
     *
     * @param text a loader's error message
     */
    public static LoaderMessage parse(String text) {
        String t = text.strip();
        for (Rule r : RULES) {
            Matcher m = r.pattern().matcher(t);
            if (m.matches()) {
                return new LoaderMessage(text, r.shape(), group(m, "obj"), group(m, "err"), group(m, "sym"),
                        group(m, "ver"), group(m, "by"));
            }
        }
        return new LoaderMessage(text, Shape.OTHER, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static Optional<String> group(Matcher m, String name) {
        if (!m.pattern().pattern().contains("?<" + name + ">")) {
            return Optional.empty();
        }
        return Optional.ofNullable(m.group(name)).map(String::strip);
    }
}
