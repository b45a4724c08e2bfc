/* A dependency of libtop.so. */
int dep_value(void) { return 7; }
