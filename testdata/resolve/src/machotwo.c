/* Second image: needs libthree, which only the main executable's LC_RPATH reaches. */
int three_value(void);
int two_value(void) { return three_value() + 1; }
