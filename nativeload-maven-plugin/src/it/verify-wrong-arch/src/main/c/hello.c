/* Built for aarch64 and put under native/linux-x86_64/ by mistake. */
int hello(void) { return 42; }
