/* An Android-style object: the NDK's ".note.android.ident" note (owner "Android", type 1,
 * the API level as descriptor) and a dependency on a plain "libc.so", as bionic objects have. */
#include <stdint.h>

struct android_note {
    uint32_t namesz;
    uint32_t descsz;
    uint32_t type;
    char name[8];
    uint32_t api_level;
};

__attribute__((section(".note.android.ident"), aligned(4), used))
static const struct android_note android_ident = {8, 4, 1, "Android", 30};

extern int stub_libc_call(void);

int android_entry(void) {
    return stub_libc_call();
}
