/* clean.exe: imports only what the shipped DLLs export (f1, ordinal 1, g through a forwarder). */
int f1(void);
int o1(void);
int g(void);
int start(void) {
    return f1() + o1() + g();
}
