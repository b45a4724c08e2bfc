/* The main executable of the dyld @rpath stack. */
int one_value(void);
int main(void) { return one_value(); }
