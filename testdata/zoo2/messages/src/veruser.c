/* Reads v2, which the library it links against defines at version ZOO_2.0 (a data reference, so
 * the version is needed at load time). */
extern int v2;

int veruser_read(void) { return v2; }
