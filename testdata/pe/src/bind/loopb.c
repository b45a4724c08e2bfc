/* loopb.dll: forwards l back to fwda.dll, which forwards it here: a forwarder loop. */
__declspec(dllexport) int b_own(void) { return 30; }
