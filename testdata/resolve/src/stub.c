/* A stand-in system DLL / dylib for the Windows and macOS trees (no real system library is committed). */
#ifdef _WIN32
__declspec(dllexport)
#endif
int stub_value(void) { return 7; }
