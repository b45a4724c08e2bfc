/* References each kind of symbol the dependency exports, plus a weak one nothing defines. */
extern int dep_fn(void);
extern int dep_var;
extern __thread int dep_tls;
extern int dep_ifunc(void);
extern int dep_protected(void);
extern int dep_weak(void) __attribute__((weak));

int use(void) {
    return dep_fn() + dep_var + dep_tls + dep_ifunc() + dep_protected() + (dep_weak ? dep_weak() : 0);
}
