/* A constructor that reads a mapped file after the file was cut short: SIGBUS, as in
 * https://github.com/fusesource/leveldbjni/issues/65 (SIGBUS in memcpy over a mapped file). */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

__attribute__((constructor)) static void zoo_init(void) {
    char name[] = "/tmp/zoo-sigbus-XXXXXX";
    int fd = mkstemp(name);
    if (fd < 0) {
        return;
    }
    unlink(name);
    if (ftruncate(fd, 8192) != 0) {
        return;
    }
    volatile char *page = mmap(NULL, 8192, PROT_READ, MAP_SHARED, fd, 0);
    if (page == MAP_FAILED) {
        return;
    }
    if (ftruncate(fd, 0) != 0) {
        return;
    }
    char c = page[4096]; /* past the end of the file now: SIGBUS */
    (void) c;
}

int crash_sigbus_answer(void) { return 42; }
