/* Calls dep_fn: through a PLT slot by default, through a GOT entry with -fno-plt (-DNAME sets the
 * exported function's name). */
extern int dep_fn(void);

int NAME(void) { return dep_fn(); }
