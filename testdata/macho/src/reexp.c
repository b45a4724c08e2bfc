/* libreexp: re-exported by libfoo (LC_REEXPORT_DYLIB). */
int reexp_value(void) { return 13; }
