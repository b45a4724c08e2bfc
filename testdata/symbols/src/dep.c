/* The dependency every symbol case references. Each case ships a copy built without one export
 * (-DNO_FN, -DNO_VAR, -DNO_TLS, -DNO_IFUNC) or with a patched symbol, after the referencing object
 * was linked against this full one. */
#ifndef NO_FN
int dep_fn(void) { return 1; }
#endif

#ifndef NO_VAR
int dep_var = 2;
#endif

#ifndef NO_TLS
/* The only thread-local variable: at offset 0 of the TLS block, so its st_value is 0. */
__thread int dep_tls;
#endif

#ifndef NO_IFUNC
static int dep_ifunc_impl(void) { return 3; }
static int (*dep_ifunc_resolver(void))(void) { return dep_ifunc_impl; }
int dep_ifunc(void) __attribute__((ifunc("dep_ifunc_resolver")));
#endif

__attribute__((visibility("protected"))) int dep_protected(void) { return 4; }
