package dev.nativeload.cli;

import dev.nativeload.platform.Platform;

import dev.nativeload.binary.LibcFlavor;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The libraries every machine of a platform has, so natives may depend on them without shipping them.
 *
 * <ul>
 *   <li>Linux (glibc): the manylinux core: {@code libc.so.6}, {@code libm.so.6}, {@code libdl.so.2},
 *       {@code libpthread.so.0}, {@code librt.so.1}, {@code libresolv.so.2}, {@code libutil.so.1}, glibc's own
 *       {@code libanl.so.1} and {@code libmvec.so.1},
 *       {@code libgcc_s.so.1}, {@code libstdc++.so.6} and the dynamic loaders ({@code ld-linux*.so.*},
 *       {@code ld64.so.*}). {@code libz.so.1} is deliberately not in it: minimal and distroless
 *       images lack it, so a library that needs zlib must bundle it or link it statically.</li>
 *   <li>Linux (musl): {@code libc.so}, {@code libc.musl-ARCH.so.1} and {@code ld-musl-ARCH.so.1}
 *       (musl's libc holds libm, libdl, libpthread and librt). Alpine ships libgcc and libstdc++ as
 *       separate packages, so they are not base.</li>
 *   <li>macOS: any install name under {@code /usr/lib/} or {@code /System/}.</li>
 *   <li>Windows: the system DLLs of every installation (KERNEL32, USER32, ADVAPI32, bcryptprimitives, ...,
 *       ntdll, listed by area below), the C runtimes
 *       {@code msvcrt.dll} and {@code ucrtbase.dll}, the API sets {@code api-ms-win-*} and
 *       {@code ext-ms-*}, and the Visual C++ runtime {@code VCRUNTIME140*.dll} /
 *       {@code MSVCP140*.dll}; compared without case, as Windows does.</li>
 * </ul>
 */
final class BaseSystem {
    private static final Set<String> GLIBC = Set.of(
            "libc.so.6", "libm.so.6", "libdl.so.2", "libpthread.so.0", "librt.so.1", "libresolv.so.2",
            "libutil.so.1", "libanl.so.1", "libmvec.so.1", "libgcc_s.so.1", "libstdc++.so.6");
    private static final Pattern GLIBC_LOADER = Pattern.compile("ld-linux[-A-Za-z0-9_.]*\\.so\\.[0-9]+|ld64\\.so\\.[0-9]+");
    private static final Pattern MUSL = Pattern.compile("libc\\.so|libc\\.musl-[A-Za-z0-9_]+\\.so\\.1|ld-musl-[A-Za-z0-9_]+\\.so\\.1");
    /**
     * The DLLs every Windows 10/11 (and Server 2016+) installation has in System32, as JNI DLLs import them: the
     * core, the C runtimes, security and crypto ({@code bcryptprimitives.dll} is what Rust's standard library takes
     * its random numbers from), networking, the shell, graphics (GDI, DirectX, OpenGL's {@code opengl32.dll}),
     * input and sound, devices and power. Drivers' own DLLs ({@code vulkan-1.dll}, {@code OpenCL.dll}) are not
     * base: a machine without the GPU vendor's driver lacks them.
     */
    private static final Set<String> WINDOWS = Set.of(
            // core and C runtimes
            "kernel32.dll", "kernelbase.dll", "ntdll.dll", "msvcrt.dll", "ucrtbase.dll", "psapi.dll", "version.dll",
            "dbghelp.dll", "powrprof.dll", "avrt.dll", "winmm.dll", "userenv.dll", "wtsapi32.dll", "rstrtmgr.dll",
            // security and crypto
            "advapi32.dll", "bcrypt.dll", "bcryptprimitives.dll", "ncrypt.dll", "crypt32.dll", "secur32.dll",
            "sspicli.dll", "wintrust.dll", "credui.dll", "rpcrt4.dll",
            // networking
            "ws2_32.dll", "mswsock.dll", "iphlpapi.dll", "dnsapi.dll", "winhttp.dll", "wininet.dll", "netapi32.dll",
            "mpr.dll", "wldap32.dll", "normaliz.dll", "urlmon.dll",
            // shell, COM, UI
            "user32.dll", "shell32.dll", "shlwapi.dll", "shcore.dll", "ole32.dll", "oleaut32.dll", "propsys.dll",
            "comctl32.dll", "comdlg32.dll", "imm32.dll", "uxtheme.dll", "dwmapi.dll", "winspool.drv",
            // graphics, input, sound
            "gdi32.dll", "gdiplus.dll", "msimg32.dll", "usp10.dll", "opengl32.dll", "glu32.dll", "dxgi.dll",
            "d3d9.dll", "d3d11.dll", "d3d12.dll", "d3dcompiler_47.dll", "dwrite.dll", "d2d1.dll", "xinput1_4.dll",
            "xinput9_1_0.dll", "dinput8.dll", "dsound.dll", "mfplat.dll",
            // devices
            "setupapi.dll", "cfgmgr32.dll", "hid.dll");
    private static final Pattern WINDOWS_PATTERNS = Pattern.compile(
            "api-ms-win-.*|ext-ms-.*|vcruntime140(_[0-9]+)?\\.dll|msvcp140(_[a-z0-9]+)?\\.dll");

    private BaseSystem() {
    }

    /**
     * {@return whether every machine of the platform has this library}
     *
     * @param target     the platform
     * @param dependency the name as the binary records it: a DT_NEEDED name, an install name, a DLL name
     */
    static boolean contains(Platform target, String dependency) {
        return switch (target.os()) {
            case LINUX -> target.libc() == LibcFlavor.MUSL
                    ? MUSL.matcher(dependency).matches()
                    : GLIBC.contains(dependency) || GLIBC_LOADER.matcher(dependency).matches();
            case MACOS -> dependency.startsWith("/usr/lib/") || dependency.startsWith("/System/");
            case WINDOWS -> {
                String lower = dependency.toLowerCase(Locale.ROOT);
                yield WINDOWS.contains(lower) || WINDOWS_PATTERNS.matcher(lower).matches();
            }
            default -> false;
        };
    }
}
