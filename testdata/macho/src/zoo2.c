/* libzoo version 2, the one users link against: f1, f2 and f3. */
int f1(void) { return 1; }
int f2(void) { return 2; }
int f3(void) { return 3; }
