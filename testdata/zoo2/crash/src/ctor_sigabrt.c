/* A constructor that aborts, as a failed assertion or a C++ exception escaping a static
 * initializer does (std::terminate -> abort), saying why on stderr first: the process dies with
 * SIGABRT during the load. */
#include <stdio.h>
#include <stdlib.h>

__attribute__((constructor)) static void zoo_init(void) {
    fputs("zoo: static initializer failed: no configuration found\n", stderr);
    abort();
}

int crash_sigabrt_answer(void) { return 42; }
