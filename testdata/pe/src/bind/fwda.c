/* fwda.dll: only forwarders (fwda.def), and one export of its own. */
__declspec(dllexport) int a_own(void) { return 10; }
