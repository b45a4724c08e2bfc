/* A program that only exists to have DT_NEEDED entries. */
int main(void) { return 0; }
