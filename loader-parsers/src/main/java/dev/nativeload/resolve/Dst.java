package dev.nativeload.resolve;

import java.util.Optional;

/**
 * glibc's dynamic string tokens in a path element: {@code $ORIGIN}, {@code $LIB},
 * {@code $PLATFORM}, bare or in braces. A token must end at a character that cannot continue a
 * name; an unknown {@code $WORD} stays as written.
 */
final class Dst {
    /** Why an element was dropped instead of expanded. @param path the expansion @param dropped the reason */
    record Expansion(String path, Optional<String> dropped) {
    }

    private Dst() {
    }

    /**
     * Expands one element.
     *
     * @param element      the element as written
     * @param origin       the directory of the object whose element it is
     * @param host         gives {@code $LIB}, {@code $PLATFORM} and secure mode
     * @param isMain       whether the element belongs to the main program (secure mode then
     *                     demands a trusted result)
     * @return the expansion, or why glibc drops the element
     */
    static Expansion expand(String element, String origin, ResolveHost.Glibc host, boolean isMain) {
        if (element.indexOf('$') < 0) {
            return new Expansion(element, Optional.empty());
        }
        StringBuilder out = new StringBuilder();
        boolean usedOrigin = false;
        int i = 0;
        while (i < element.length()) {
            char c = element.charAt(i);
            if (c != '$') {
                out.append(c);
                i++;
                continue;
            }
            String rest = element.substring(i + 1);
            int len;
            if ((len = tokenLength(rest, "ORIGIN")) > 0) {
                if (host.secure() && !(i == 0 && (rest.length() == len || rest.charAt(len) == '/'))) {
                    return dropped("secure mode: $ORIGIN is honoured only as the start of a path element");
                }
                out.append(origin);
                usedOrigin = true;
            } else if ((len = tokenLength(rest, "PLATFORM")) > 0) {
                if (host.platformName().isEmpty()) {
                    return dropped("$PLATFORM has no value on this host");
                }
                out.append(host.platformName());
            } else if ((len = tokenLength(rest, "LIB")) > 0) {
                out.append(host.lib());
            } else {
                out.append(c);
                i++;
                continue;
            }
            i += 1 + len;
        }
        String result = out.toString();
        if (usedOrigin && host.secure() && isMain && !trusted(result, host)) {
            return dropped("secure mode: $ORIGIN of the program expands to " + result + ", not a system directory");
        }
        return new Expansion(result, Optional.empty());
    }

    private static Expansion dropped(String why) {
        return new Expansion("", Optional.of(why));
    }

    private static int tokenLength(String rest, String token) {
        if (rest.startsWith("{" + token + "}")) {
            return token.length() + 2;
        }
        if (rest.startsWith(token)) {
            int end = token.length();
            if (end == rest.length()) {
                return end;
            }
            char next = rest.charAt(end);
            return Character.isLetterOrDigit(next) || next == '_' ? 0 : end;
        }
        return 0;
    }

    private static boolean trusted(String path, ResolveHost.Glibc host) {
        String p = path.endsWith("/") ? path : path + "/";
        return host.defaultDirs().stream().anyMatch(d -> p.equals(withSlash(d.toString())));
    }

    static String withSlash(String dir) {
        return dir.endsWith("/") ? dir : dir + "/";
    }
}
