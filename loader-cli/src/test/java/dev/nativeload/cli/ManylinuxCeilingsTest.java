package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.nativeload.binary.GlibcVersion;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which manylinux policy a glibc ceiling picks, and which GCC runtime versions it judges too new. */
class ManylinuxCeilingsTest {
    private static ManylinuxCeilings policyFor(String glibc) {
        return ManylinuxCeilings.forGlibc(GlibcVersion.parse(glibc).orElseThrow()).orElseThrow();
    }

    @Test
    void aGlibcCeilingPicksThePolicyOfTheNewestGlibcAtOrBelowIt() {
        assertEquals("manylinux_2_17", policyFor("2.17").policy());
        assertEquals("manylinux_2_28", policyFor("2.30").policy(), "no 2_30 policy: 2_28's ceilings apply");
        assertEquals("manylinux_2_40", policyFor("2.41").policy());
        assertEquals(Optional.empty(), ManylinuxCeilings.forGlibc(GlibcVersion.parse("2.4").orElseThrow()), "below every policy");
    }

    @Test
    void onlyNumericVersionsNewerThanThePoliciesNewestOfTheirPrefixAreTooNew() {
        ManylinuxCeilings m2014 = policyFor("2.17");
        assertEquals(Optional.of("GLIBCXX_3.4.19"), m2014.tooNew("GLIBCXX_3.4.20"));
        assertEquals(Optional.empty(), m2014.tooNew("GLIBCXX_3.4.19"));
        assertEquals(Optional.empty(), m2014.tooNew("GLIBCXX_3.4.9"), "compared by number, not text");
        assertEquals(Optional.of("CXXABI_1.3.7"), m2014.tooNew("CXXABI_1.3.9"));
        assertEquals(Optional.of("GCC_4.8.0"), m2014.tooNew("GCC_7.0.0"));
        assertEquals(Optional.empty(), m2014.tooNew("CXXABI_TM_1"));
        assertEquals(Optional.empty(), m2014.tooNew("GLIBCXX_LDBL_3.4"));
        assertEquals(Optional.empty(), m2014.tooNew("GLIBC_2.34"), "glibc itself is the glibc-version rule's");
        assertEquals(Optional.empty(), m2014.tooNew("GLIBCXX_99999999999999999999"), "an absurd number is not judged, no overflow");
    }
}
