package dev.nativeload.internal.diagnose;

import dev.nativeload.report.Errno;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nativeload.binary.Architecture;
import dev.nativeload.binary.TargetOs;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrnoTableTest {
    @Test
    void eloopIs40OnLinux62OnDarwinAnd114InTheWindowsCrt() {
        assertEquals(OptionalInt.of(40), ErrnoTable.LINUX.number(Errno.ELOOP));
        assertEquals(OptionalInt.of(62), ErrnoTable.DARWIN.number(Errno.ELOOP));
        assertEquals(OptionalInt.of(114), ErrnoTable.WINDOWS_CRT.number(Errno.ELOOP));
    }

    @Test
    void number38IsEnosysOnLinuxButEnotsockOnDarwin() {
        assertEquals(Optional.of(Errno.ENOSYS), ErrnoTable.LINUX.name(38));
        assertEquals(Optional.of(Errno.ENOTSOCK), ErrnoTable.DARWIN.name(38));
        assertEquals(OptionalInt.of(78), ErrnoTable.DARWIN.number(Errno.ENOSYS));
    }

    @Test
    void number43IsEidrmOnLinuxAndEprotonosupportOnDarwinNeverEloop() {
        assertEquals(Optional.of(Errno.EIDRM), ErrnoTable.LINUX.name(43));
        assertEquals(Optional.of(Errno.EPROTONOSUPPORT), ErrnoTable.DARWIN.name(43));
    }

    @Test
    void eopnotsuppAndEnotsupShare95OnLinuxAndReverseLookupSaysEopnotsupp() {
        assertEquals(OptionalInt.of(95), ErrnoTable.LINUX.number(Errno.EOPNOTSUPP));
        assertEquals(OptionalInt.of(95), ErrnoTable.LINUX.number(Errno.ENOTSUP));
        assertEquals(Optional.of(Errno.EOPNOTSUPP), ErrnoTable.LINUX.name(95));
        assertEquals(Optional.of(Errno.ENOTSUP), ErrnoTable.DARWIN.name(45));
        assertEquals(Optional.of(Errno.EOPNOTSUPP), ErrnoTable.DARWIN.name(102));
    }

    @Test
    void enoexecAndEnomemAreTheSameV7NumbersEverywhere() {
        for (ErrnoTable t : new ErrnoTable[] {ErrnoTable.LINUX, ErrnoTable.DARWIN, ErrnoTable.WINDOWS_CRT}) {
            assertEquals(OptionalInt.of(8), t.number(Errno.ENOEXEC), t.platform());
            assertEquals(OptionalInt.of(12), t.number(Errno.ENOMEM), t.platform());
        }
    }

    @Test
    void onlyDocumentedAliasesShareANumberWithinATable() {
        for (ErrnoTable t : new ErrnoTable[] {ErrnoTable.LINUX, ErrnoTable.DARWIN, ErrnoTable.WINDOWS_CRT}) {
            Set<Integer> seen = new HashSet<>();
            for (Map.Entry<Errno, Integer> e : t.numbers().entrySet()) {
                boolean alias = e.getKey() == Errno.ENOTSUP && t == ErrnoTable.LINUX;
                assertTrue(seen.add(e.getValue()) || alias, t.platform() + " reuses " + e.getValue() + " for " + e.getKey());
            }
        }
    }

    @Test
    void linuxArchitecturesWithTheirOwnNumberingGetNoTableRatherThanAWrongOne() {
        assertTrue(ErrnoTable.forHost(TargetOs.LINUX, Architecture.MIPS64EL).isEmpty());
        assertTrue(ErrnoTable.forHost(TargetOs.LINUX, Architecture.SPARCV9).isEmpty());
        assertEquals(Optional.of(ErrnoTable.LINUX), ErrnoTable.forHost(TargetOs.LINUX, Architecture.AARCH64));
        assertEquals(Optional.of(ErrnoTable.DARWIN), ErrnoTable.forHost(TargetOs.MACOS, Architecture.AARCH64));
    }
}
