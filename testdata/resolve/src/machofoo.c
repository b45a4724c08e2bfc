/* The framework Foo.framework (Versions/A/Foo), reached by the app through @rpath. */
int foo_value(void) { return 21; }
