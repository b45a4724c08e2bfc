/* libdep: an ordinary dependency of libfoo (LC_LOAD_DYLIB). */
int dep_value(void) { return 7; }
