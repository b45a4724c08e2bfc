/* A native in a layout of its own (org/example/linux/aarch64/), outside native/<platform-id>/. */
int hello(void) { return 42; }
