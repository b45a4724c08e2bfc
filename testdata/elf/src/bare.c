/* libbare: built with -nostdlib, so it names no C library at all. */
int bare_add(int a, int b) {
    return a + b;
}
