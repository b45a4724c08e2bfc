/* One small shared library; LIBVAL tells the copies apart (read back by nobody: only the paths matter). */
#ifndef LIBVAL
#define LIBVAL 0
#endif
int lib_value(void) { return LIBVAL; }
