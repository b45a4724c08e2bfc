/* A library that loads anywhere; copies of it are damaged by build.sh to make header failures. */
int plain_answer(void) { return 42; }
int plain_counter = 1;
int plain_next(void) { return ++plain_counter; }
