/* A DLL found next to the program; DEPNAME picks the exported name. */
__declspec(dllexport) int DEPNAME(void) { return 1; }
