package dev.nativeload.internal.diagnose;

import dev.nativeload.report.Diagnosis;

import dev.nativeload.report.FailureKind;
import dev.nativeload.spi.Candidate;
import dev.nativeload.spi.OsError;
import java.util.Optional;

/**
 * Windows system error codes a {@code LoadLibraryExW} can end in, and what each means for a load.
 * Codes are Win32's own ({@code winerror.h}); they are the same on every Windows architecture.
 */
public final class WindowsErrors {
    /** {@code ERROR_FILE_NOT_FOUND}. */
    public static final int FILE_NOT_FOUND = 2;
    /** {@code ERROR_PATH_NOT_FOUND}. */
    public static final int PATH_NOT_FOUND = 3;
    /** {@code ERROR_ACCESS_DENIED}. */
    public static final int ACCESS_DENIED = 5;
    /** {@code ERROR_NOT_ENOUGH_MEMORY}. */
    public static final int NOT_ENOUGH_MEMORY = 8;
    /** {@code ERROR_OUTOFMEMORY}. */
    public static final int OUTOFMEMORY = 14;
    /** {@code ERROR_MOD_NOT_FOUND}: the file, or one of the DLLs it imports, was not found. */
    public static final int MOD_NOT_FOUND = 126;
    /** {@code ERROR_PROC_NOT_FOUND}: an imported function is missing from a dependency. */
    public static final int PROC_NOT_FOUND = 127;
    /** {@code ERROR_BAD_EXE_FORMAT}: not a valid Win32 application (wrong machine, not a PE). */
    public static final int BAD_EXE_FORMAT = 193;
    /** {@code ERROR_EXE_MACHINE_TYPE_MISMATCH}. */
    public static final int EXE_MACHINE_TYPE_MISMATCH = 216;
    /** {@code ERROR_DLL_INIT_FAILED}: DllMain returned FALSE. */
    public static final int DLL_INIT_FAILED = 1114;

    private WindowsErrors() {
    }

    /**
     * {@return the kind a Windows error code stands for, ignoring the file}
     *
     * @param code a {@code GetLastError()} value
     */
    public static FailureKind kindOf(int code) {
        return switch (code) {
            case FILE_NOT_FOUND, PATH_NOT_FOUND, MOD_NOT_FOUND -> FailureKind.NOT_FOUND;
            case ACCESS_DENIED -> FailureKind.ACCESS_DENIED;
            case NOT_ENOUGH_MEMORY, OUTOFMEMORY -> FailureKind.OUT_OF_MEMORY;
            case PROC_NOT_FOUND -> FailureKind.UNDEFINED_SYMBOL;
            case BAD_EXE_FORMAT -> FailureKind.WRONG_FORMAT;
            case EXE_MACHINE_TYPE_MISMATCH -> FailureKind.WRONG_ARCHITECTURE;
            case DLL_INIT_FAILED -> FailureKind.INIT_FAILED;
            default -> FailureKind.UNKNOWN;
        };
    }

    static Diagnosis classify(Candidate candidate, OsError error, PreLoadCheck check) {
        String target = candidate.target();
        int code = error.code().orElse(-1);
        Optional<Diagnosis> facts = candidate instanceof Candidate.File f ? check.check(f.path()) : Optional.empty();
        FailureKind kind = kindOf(code);
        if (facts.isPresent() && kind != FailureKind.INIT_FAILED && kind != FailureKind.ACCESS_DENIED) {
            return facts.get();
        }
        boolean fileExists = candidate instanceof Candidate.File f && FileFacts.of(f.path()).exists();
        if (code == MOD_NOT_FOUND && fileExists) {
            return Diagnosis.of(FailureKind.MISSING_DEPENDENCY,
                    target + " exists, so a DLL it imports was not found (ERROR_MOD_NOT_FOUND)",
                    "`nativeload tree " + target + "` lists its imports and where each was looked for; install the "
                            + "missing DLL (often a Visual C++ runtime) or put it next to the library");
        }
        return switch (kind) {
            case NOT_FOUND -> Diagnosis.of(kind, "Windows found no " + target, "check the name and the DLL search path");
            case ACCESS_DENIED -> Diagnosis.of(kind, "access to " + target + " was denied",
                    "check the file's permissions; antivirus software may be holding or blocking it");
            case OUT_OF_MEMORY -> Diagnosis.of(kind, "not enough memory to load " + target, "close other programs or raise the limits");
            case UNDEFINED_SYMBOL -> Diagnosis.of(kind, target + " imports a function one of its DLLs does not export",
                    "a dependency is too old or the wrong build; update it");
            case WRONG_FORMAT -> Diagnosis.of(kind, target + " is not a valid DLL for this process (bad format or another machine)",
                    "use the " + check.host().platformId() + " build of the library");
            case WRONG_ARCHITECTURE -> Diagnosis.of(kind, target + " is built for another machine",
                    "use the " + check.host().platformId() + " build of the library");
            case INIT_FAILED -> Diagnosis.of(kind, "the initialization routine (DllMain) of " + target + " failed",
                    "the library's own start-up failed: check its requirements and logs");
            default -> Diagnosis.of(FailureKind.UNKNOWN, "Windows refused " + target + " (error " + code + ")", "read the OS message above");
        };
    }
}
