/* Put under native/linux-amd46/, a directory name that is no platform id. */
int hello(void) { return 42; }
