/* The native of a dependency that ships for linux-aarch64 only. */
int hello(void) { return 42; }
