/* A GUI-subsystem program (linked with -mwindows). */
#include <windows.h>

int WINAPI WinMain(HINSTANCE instance, HINSTANCE previous, LPSTR command, int show) {
    (void) instance; (void) previous; (void) command; (void) show;
    MessageBoxA(NULL, "nativeload", "fixture", MB_OK);
    return 0;
}
