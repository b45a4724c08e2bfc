/* hello: an executable (MH_EXECUTE with LC_MAIN and LC_LOAD_DYLINKER) using libdep. */
extern int dep_value(void);

int main(void) { return dep_value() == 7 ? 0 : 1; }
