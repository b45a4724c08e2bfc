/* An executable: has PT_INTERP and needs libc (and, when linked so, libkeeper). */
#include <stdio.h>

#ifdef WITH_KEEPER
extern int keeper_visit(void);
#endif

int main(void) {
#ifdef WITH_KEEPER
    return keeper_visit() == 43 ? 0 : 1;
#else
    puts("hello");
    return 0;
#endif
}
