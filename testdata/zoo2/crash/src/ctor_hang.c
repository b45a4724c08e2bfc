/* A constructor that never returns, as one waiting on a lock or a socket does:
 * https://github.com/scijava/native-lib-loader/issues/6 (load hangs in NativeLibrary.load). */
#include <unistd.h>

__attribute__((constructor)) static void zoo_init(void) {
    for (;;) {
        pause();
    }
}

int crash_hang_answer(void) { return 42; }
