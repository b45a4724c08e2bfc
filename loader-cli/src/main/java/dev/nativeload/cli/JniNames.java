package dev.nativeload.cli;

/**
 * The symbol names the JVM looks up for a native method (JNI specification, "Resolving Native Method Names"):
 * the short name {@code Java_} + class + {@code _} + method, then the long name, which adds {@code __} and the
 * argument descriptor. Each part is mangled: {@code /} becomes {@code _}, {@code _} becomes {@code _1},
 * {@code ;} {@code _2}, {@code [} {@code _3}, and any character other than an ASCII letter or digit
 * {@code _0xxxx} (its UTF-16 code unit in lower-case hex).
 */
final class JniNames {
    private JniNames() {
    }

    /**
     * {@return the short name: {@code Java_pkg_Class_method}}
     *
     * @param m the method
     */
    static String shortName(NativeMethod m) {
        return "Java_" + mangle(m.className()) + "_" + mangle(m.name());
    }

    /**
     * {@return the long name, for overloads: {@code Java_pkg_Class_method__ARGS}}
     *
     * @param m the method
     */
    static String longName(NativeMethod m) {
        String d = m.descriptor();
        int close = d.indexOf(')');
        return shortName(m) + "__" + mangle(d.substring(1, close < 0 ? d.length() : close));
    }

    /**
     * {@return one part of a JNI name, mangled}
     *
     * @param s a class name with slashes, a method name, or an argument descriptor
     */
    static String mangle(String s) {
        StringBuilder out = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '/' -> out.append('_');
                case '_' -> out.append("_1");
                case ';' -> out.append("_2");
                case '[' -> out.append("_3");
                default -> {
                    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                        out.append(c);
                    } else {
                        out.append("_0").append(String.format("%04x", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }
}
