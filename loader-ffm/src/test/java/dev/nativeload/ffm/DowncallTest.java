package dev.nativeload.ffm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import org.junit.jupiter.api.Test;

/** A bound function the process lacks is reported absent up front and fails only when called. */
class DowncallTest {
    @Test
    void aMissingFunctionIsAbsentAndThrowsUnsatisfiedLinkErrorOnlyWhenCalled() {
        Downcall missing = Downcall.find(Linker.nativeLinker().defaultLookup(), "nativeload_no_such_function",
                FunctionDescriptor.of(ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
        assertFalse(missing.available());
        UnsatisfiedLinkError e = assertThrows(UnsatisfiedLinkError.class,
                () -> { MemorySegment unused = (MemorySegment) missing.handle().invokeExact(1); });
        assertTrue(e.getMessage().contains("nativeload_no_such_function"), e.getMessage());
    }

    @Test
    void aPresentFunctionIsAvailableAndCallable() throws Throwable {
        Downcall strlen = Downcall.find(Linker.nativeLinker().defaultLookup(), "strlen",
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.ADDRESS));
        assertTrue(strlen.available());
        assertEquals(10L, (long) strlen.handle().invokeExact(Scratch.current().cString("nativeload")));
    }
}
