/* The flat framework Bar.framework/Bar, reachable only through the fallback framework path. */
int bar_value(void) { return 22; }
