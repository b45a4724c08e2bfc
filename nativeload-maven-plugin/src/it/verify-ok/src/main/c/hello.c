/* A native that may ship for linux-x86_64 with glibc 2.2.5 or newer: it needs nothing. */
int hello(void) { return 42; }
