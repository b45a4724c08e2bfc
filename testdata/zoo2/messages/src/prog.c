/* A program, built as a non-PIE and as a PIE executable: neither can be dlopened. */
#include <stdio.h>

int main(void) {
    puts("a program, not a library");
    return 0;
}
