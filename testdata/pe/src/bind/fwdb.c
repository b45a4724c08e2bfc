/* fwdb.dll: defines g (ordinal 1, fwdb.def); h, which fwda.dll forwards to it, is not here. */
int g(void) { return 20; }
