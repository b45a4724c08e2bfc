/* libweak: linked weakly by libfoo (LC_LOAD_WEAK_DYLIB). */
int weak_value(void) { return 11; }
