/* The library libumbrella re-exports (LC_REEXPORT_DYLIB): g1 is found through it. */
int g1(void) { return 7; }
