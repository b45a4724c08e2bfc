/* Reads Counter<int>::value of libunique.so by its mangled name: a reference to an STB_GNU_UNIQUE definition. */
extern int _ZN7CounterIiE5valueE;

int unique_use(void) { return _ZN7CounterIiE5valueE; }
