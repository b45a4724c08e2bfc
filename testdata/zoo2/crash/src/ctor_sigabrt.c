/* A constructor that aborts, as a failed assertion or a C++ exception escaping a static
 * initializer does (std::terminate -> abort): the process dies with SIGABRT during the load. */
#include <stdlib.h>

__attribute__((constructor)) static void zoo_init(void) {
    abort();
}

int crash_sigabrt_answer(void) { return 42; }
