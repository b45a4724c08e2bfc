package dev.nativeload.cli;

import dev.nativeload.binary.GlibcVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The newest GCC runtime symbol versions a glibc base system provides ({@code GLIBCXX_} and
 * {@code CXXABI_} of {@code libstdc++.so.6}, {@code GCC_} of {@code libgcc_s.so.1}), as the
 * manylinux policies fix them: the x86_64 {@code symbol_versions} of pypa/auditwheel's
 * {@code src/auditwheel/policy/manylinux-policy.json} (PEP 600), for the policies listed here.
 * A target's glibc ceiling picks the policy of the newest glibc at or below it; a ceiling below
 * every listed policy has no GCC runtime ceiling.
 *
 * @param policy the policy's name ({@code manylinux_2_17})
 * @param alias  its legacy name, if any ({@code manylinux2014})
 * @param glibc  its glibc
 * @param newest the newest version of each prefix, by prefix ({@code "GLIBCXX" -> "3.4.19"})
 */
record ManylinuxCeilings(String policy, Optional<String> alias, GlibcVersion glibc, Map<String, String> newest) {
    /** The policies known here, oldest first. */
    static final List<ManylinuxCeilings> POLICIES = List.of(
            of("manylinux_2_5", "manylinux1", "2.5", "3.4.8", "1.3.1", "4.2.0"),
            of("manylinux_2_12", "manylinux2010", "2.12", "3.4.13", "1.3.3", "4.3.0"),
            of("manylinux_2_17", "manylinux2014", "2.17", "3.4.19", "1.3.7", "4.8.0"),
            of("manylinux_2_24", null, "2.24", "3.4.22", "1.3.10", "4.8.0"),
            of("manylinux_2_28", null, "2.28", "3.4.24", "1.3.11", "7.0.0"),
            of("manylinux_2_31", null, "2.31", "3.4.28", "1.3.12", "7.0.0"),
            of("manylinux_2_40", null, "2.40", "3.4.33", "1.3.15", "14.0.0"));

    private static ManylinuxCeilings of(String policy, String alias, String glibc, String glibcxx, String cxxabi, String gcc) {
        return new ManylinuxCeilings(policy, Optional.ofNullable(alias), GlibcVersion.parse(glibc).orElseThrow(),
                Map.of("GLIBCXX", glibcxx, "CXXABI", cxxabi, "GCC", gcc));
    }

    /**
     * {@return the policy of the newest glibc at or below the ceiling, if any}
     *
     * @param maxGlibc the target's glibc ceiling
     */
    static Optional<ManylinuxCeilings> forGlibc(GlibcVersion maxGlibc) {
        return POLICIES.stream().filter(p -> p.glibc().compareTo(maxGlibc) <= 0).max(Comparator.comparing(ManylinuxCeilings::glibc));
    }

    /**
     * {@return the newest version this policy allows for the version's prefix, when the version is
     * numeric and newer than it} Versions of other prefixes, and non-numeric ones such as
     * {@code CXXABI_TM_1} or {@code GLIBCXX_LDBL_3.4}, are not judged.
     *
     * @param version a required symbol version, such as {@code GLIBCXX_3.4.30}
     */
    Optional<String> tooNew(String version) {
        int underscore = version.indexOf('_');
        if (underscore < 0) {
            return Optional.empty();
        }
        String allowed = newest.get(version.substring(0, underscore));
        String number = version.substring(underscore + 1);
        if (allowed == null || !number.matches("[0-9]{1,9}(\\.[0-9]{1,9}){0,5}")) {
            return Optional.empty();
        }
        return compare(number, allowed) > 0 ? Optional.of(version.substring(0, underscore + 1) + allowed) : Optional.empty();
    }

    /** {@return the policy's name, with its legacy alias} */
    String describe() {
        return policy + alias.map(a -> " (" + a + ")").orElse("");
    }

    private static int compare(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }
}
