/* A Windows program importing a DLL of its own, an API-set contract, and system DLLs. */
__declspec(dllimport) int dep_value(void);
__declspec(dllimport) int pathdep_value(void);
__declspec(dllimport) void __stdcall ResolveDemoWait(unsigned int ms);
int main(void) { ResolveDemoWait(0); return dep_value() + pathdep_value(); }
