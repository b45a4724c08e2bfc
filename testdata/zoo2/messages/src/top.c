/* Needs libdep.so (DT_NEEDED), linked with no RUNPATH unless build.sh adds one. */
int dep_value(void);

int top_value(void) { return dep_value() * 6; }
