/* A console program that imports by name from dep.dll and by ordinal from ordinal.dll. */
#include <stdio.h>

__declspec(dllimport) int dep_add(int a, int b);
int ord_first(void);
int ord_second(void);

int main(void) {
    printf("%d\n", dep_add(ord_first(), ord_second()));
    return 0;
}
