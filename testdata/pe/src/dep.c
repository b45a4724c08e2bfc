/* A small library that other fixtures import from. */
__declspec(dllexport) int dep_add(int a, int b) { return a + b; }
__declspec(dllexport) int dep_mul(int a, int b) { return a * b; }
__declspec(dllexport) int dep_counter = 7;
