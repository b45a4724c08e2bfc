/* Uses f1 (ZOO_1.0) and f2 (ZOO_2.0) of libzoo. */
extern int f1(void);
extern int f2(void);

int zoo_use(void) { return f1() + f2(); }
