/* Two functions under symbol versions; the map files decide which versions exist. */
int f1(void) { return 1; }
int f2(void) { return 2; }
