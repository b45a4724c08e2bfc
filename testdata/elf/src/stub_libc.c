/* Stands in for a C library named plain "libc.so" at link time; it is not committed. */
int stub_libc_call(void) {
    return 0;
}
