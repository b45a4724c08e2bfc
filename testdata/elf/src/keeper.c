/* libkeeper: needs libzoo (a versioned symbol from each version) and libc. */
#include <stdio.h>

extern int zoo_count(void);
extern int zoo_feed(int n);

int keeper_visit(void) {
    int n = zoo_feed(zoo_count());
    printf("the keeper counted %d\n", n);
    return n;
}
