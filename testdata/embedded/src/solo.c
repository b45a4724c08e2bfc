/* A library with no dependencies of its own beyond libc; getpid makes it need a GLIBC version. */
#include <unistd.h>

int embedded_solo(int x) {
    return x + 1 + (getpid() < 0);
}
