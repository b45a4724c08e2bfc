/* References a data symbol nothing defines: fails at load time even with RTLD_LAZY. */
extern int missing_var;

int undefined_read(void) { return missing_var; }
