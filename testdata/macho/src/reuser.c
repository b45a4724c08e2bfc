/* Imports g1 and u1 from libumbrella: u1 is its own, g1 comes from the library it re-exports. */
int g1(void);
int u1(void);
int reuse(void) { return g1() + u1(); }
