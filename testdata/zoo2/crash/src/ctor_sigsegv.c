/* A constructor that writes through a null pointer: the JVM dies with SIGSEGV while loading it.
 * Like https://github.com/serenadeai/java-tree-sitter/issues/12 ("a simple Java program that just
 * loads this library segfaults"). */
int *volatile nowhere; /* null, and the compiler cannot tell */

__attribute__((constructor)) static void zoo_init(void) {
    *nowhere = 1;
}

int crash_sigsegv_answer(void) { return 42; }
