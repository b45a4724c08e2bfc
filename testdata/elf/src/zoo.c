/* libzoo: a library with two symbol versions (see zoo.map) that uses the C library. */
#include <stdlib.h>

/* ZOO_1.0 */
int zoo_feed(int n) {
    return n + 1;
}

/* ZOO_2.0 */
int zoo_count(void) {
    const char *n = getenv("ZOO_COUNT");
    return n != NULL ? atoi(n) : 42;
}

/* zoo_open exists twice: the old ZOO_1.0 one is hidden, ZOO_2.0 is the default. */
__attribute__((symver("zoo_open@ZOO_1.0")))
int zoo_open_v1(int x) {
    return x;
}

__attribute__((symver("zoo_open@@ZOO_2.0")))
int zoo_open_v2(int x) {
    return x * 2;
}

/* Not exported: the version script makes everything else local. */
int zoo_secret(int x) {
    return x - 7;
}
