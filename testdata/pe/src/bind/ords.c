/* ords.dll: o1 and o2 exported by ordinal only (ords.def). */
int o1(void) { return 1; }
int o2(void) { return 2; }
