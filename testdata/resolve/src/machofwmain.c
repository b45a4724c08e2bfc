/* A main executable linked against two frameworks of its own and a system framework. */
int foo_value(void);
int bar_value(void);
int stub_value(void);
int main(void) { return foo_value() + bar_value() + stub_value(); }
