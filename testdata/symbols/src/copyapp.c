/* A non-PIE executable reading a library's data object: the linker gives it a copy relocation. */
extern int dep_var;

int main(void) { return dep_var; }
