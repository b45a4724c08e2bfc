/* First image of the @rpath stack: needs libtwo through its own LC_RPATH. */
int two_value(void);
int one_value(void) { return two_value() + 1; }
