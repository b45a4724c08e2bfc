/*
 * Links against libzoo version 2: f1 and f2 strongly, f3 as a weak import (left null when
 * missing). Against version 1, f2 is "Symbol not found"; f3 is missing too, but that is no error.
 */
int f1(void);
int f2(void);
int f3(void) __attribute__((weak_import));
int use(void) { return f1() + f2() + (f3 ? f3() : 0); }
