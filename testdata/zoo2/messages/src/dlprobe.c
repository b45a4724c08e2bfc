/* Opens one library with dlopen and prints what the loader said: "LOADED", or dlerror()'s text.
 * Usage: dlprobe PATH [now|lazy|badmode|noload]. Exit status 0 when it loaded, 1 when not. */
#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: dlprobe PATH [now|lazy|badmode|noload]\n");
        return 2;
    }
    const char *how = argc > 2 ? argv[2] : "now";
    int mode = RTLD_NOW;
    if (strcmp(how, "lazy") == 0) {
        mode = RTLD_LAZY;
    } else if (strcmp(how, "badmode") == 0) {
        mode = 0; /* neither RTLD_NOW nor RTLD_LAZY */
    } else if (strcmp(how, "noload") == 0) {
        mode = RTLD_NOW | RTLD_NOLOAD;
    }
    void *handle = dlopen(argv[1], mode);
    if (handle == NULL) {
        const char *why = dlerror();
        printf("%s\n", why == NULL ? "(no dlerror text)" : why);
        return 1;
    }
    printf("LOADED\n");
    return 0;
}
