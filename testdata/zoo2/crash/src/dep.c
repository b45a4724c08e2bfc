/* The dependency of user.c; built whole, then cut short, replaced by a FIFO, or given a crashing constructor. */
#ifdef DEP_SIGSEGV
int *volatile nowhere; /* null, and the compiler cannot tell */

__attribute__((constructor)) static void dep_init(void) {
    *nowhere = 1;
}
#endif
static const char filler[16384] = {1};

int dep_answer(void) { return filler[0] + 41; }
