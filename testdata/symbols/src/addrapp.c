/* A non-PIE executable that takes a library function's address in its code: its dynamic symbol
 * becomes a canonical PLT entry (undefined, with a value), which serves address references, not calls. */
extern int dep_fn(void);
extern int call_plt(void);
extern int call_got(void);

int main(void) {
    int (*volatile fn)(void) = dep_fn;
    return fn() + call_plt() + call_got();
}
