/* Needs one library (linked with RUNPATH $ORIGIN): the dependency is the broken one. */
int dep_answer(void);

int user_answer(void) { return dep_answer() + 1; }
