/* A DLL that imports delaydep.dll at startup and delay-loads dep.dll (on the first call of middle_late). */
__declspec(dllimport) int delaydep_value(void);
int dep_value(void);
__declspec(dllexport) int middle_value(void) { return delaydep_value() + 1; }
__declspec(dllexport) int middle_late(void) { return dep_value(); }
