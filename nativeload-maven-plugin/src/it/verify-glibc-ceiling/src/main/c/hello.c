/* closefrom first appeared in glibc 2.34, so this native needs GLIBC_2.34. */
#include <unistd.h>

void close_above(int fd) {
    closefrom(fd);
}
