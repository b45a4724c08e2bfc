/* Re-exports libinner; defines u1 itself. */
int u1(void) { return 8; }
