package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code verify} takes the Windows system DLLs as the base system: a DLL built here with mingw-w64 imports one real
 * export of each (bcryptprimitives.dll's ProcessPrng, as Rust's standard library does, and the others JNI DLLs
 * import), through import libraries made by dlltool from .def files, and breaks no {@code dependency} rule.
 */
class BaseSystemWindowsTest {
    /** System DLL to one function it exports. */
    private static final Map<String, String> IMPORTS = new LinkedHashMap<>();

    static {
        IMPORTS.put("bcryptprimitives.dll", "ProcessPrng");
        IMPORTS.put("dwmapi.dll", "DwmIsCompositionEnabled");
        IMPORTS.put("uxtheme.dll", "IsThemeActive");
        IMPORTS.put("imm32.dll", "ImmGetContext");
        IMPORTS.put("winspool.drv", "OpenPrinterW");
        IMPORTS.put("opengl32.dll", "glGetString");
        IMPORTS.put("dxgi.dll", "CreateDXGIFactory");
        IMPORTS.put("d3d11.dll", "D3D11CreateDevice");
        IMPORTS.put("dwrite.dll", "DWriteCreateFactory");
        IMPORTS.put("hid.dll", "HidD_GetHidGuid");
        IMPORTS.put("cfgmgr32.dll", "CM_Get_Device_ID_List_SizeW");
        IMPORTS.put("setupapi.dll", "SetupDiGetClassDevsW");
        IMPORTS.put("winhttp.dll", "WinHttpOpen");
        IMPORTS.put("dnsapi.dll", "DnsQuery_W");
        IMPORTS.put("mswsock.dll", "AcceptEx");
        IMPORTS.put("ncrypt.dll", "NCryptOpenStorageProvider");
        IMPORTS.put("wintrust.dll", "WinVerifyTrust");
        IMPORTS.put("powrprof.dll", "CallNtPowerInformation");
        IMPORTS.put("shcore.dll", "SetProcessDpiAwareness");
        IMPORTS.put("xinput1_4.dll", "XInputGetState");
    }

    @TempDir
    Path dir;

    @Test
    void aDllImportingStandardSystemDllsNeedsNothingOutsideTheBaseSystem() throws Exception {
        CCompiler.require("x86_64-w64-mingw32-gcc");
        CCompiler.require("x86_64-w64-mingw32-dlltool");
        List<String> link = new ArrayList<>(List.of("-shared", "-o", "sys.dll", "-L."));
        StringBuilder source = new StringBuilder();
        StringBuilder table = new StringBuilder("__declspec(dllexport) void *imports[] = {");
        int i = 0;
        for (Map.Entry<String, String> e : IMPORTS.entrySet()) {
            String lib = "sys" + i++;
            Files.writeString(dir.resolve(lib + ".def"), "LIBRARY " + e.getKey() + "\nEXPORTS\n  " + e.getValue() + "\n");
            ReferenceTool.run("x86_64-w64-mingw32-dlltool", "-d", dir.resolve(lib + ".def").toString(),
                    "-l", dir.resolve("lib" + lib + ".a").toString());
            source.append("extern void ").append(e.getValue()).append("(void);\n");
            table.append("(void *) ").append(e.getValue()).append(", ");
            link.add("-l" + lib);
        }
        source.append(table).append("0 };\n");
        CCompiler.compile(dir, "x86_64-w64-mingw32-gcc", "sys", source.toString(), link.toArray(String[]::new));
        Path dll = dir.resolve("sys.dll");
        if (ReferenceTool.available("llvm-readobj")) {
            String imports = ReferenceTool.run("llvm-readobj", "--coff-imports", dll.toString()).toLowerCase(Locale.ROOT);
            for (String name : IMPORTS.keySet()) {
                assertTrue(imports.contains("name: " + name), name + " imported:\n" + imports);
            }
        }
        CliRun run = CliRun.run(dir, "verify", "--target", "windows-x86_64", dll.toString());
        assertEquals(0, run.status(), run.out() + run.err());
        assertEquals(List.of(dll + ": ok"), run.outLines());
    }
}
