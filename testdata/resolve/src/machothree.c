/* Third image: the end of the @rpath stack. */
int three_value(void) { return 3; }
