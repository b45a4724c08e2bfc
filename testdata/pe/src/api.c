/* Imports dep.dll, KERNEL32.dll and msvcrt.dll, and exports two functions of its own. */
#include <windows.h>
#include <stdio.h>
#include <stdlib.h>

__declspec(dllimport) int dep_add(int a, int b);
__declspec(dllimport) int dep_mul(int a, int b);

__declspec(dllexport) int api_compute(int x) {
    return dep_mul(dep_add(x, 1), 2) + (int) GetCurrentProcessId();
}

__declspec(dllexport) void api_report(const char *text) {
    char *copy = malloc(strlen(text) + 1);
    strcpy(copy, text);
    printf("%s\n", copy);
    free(copy);
    Sleep(0);
}
