/* libzoo version 1: only f1. Shipped in place of version 2 (zoo2.c) so that f2 goes missing. */
int f1(void) { return 1; }
