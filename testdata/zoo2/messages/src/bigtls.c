/* Initial-exec TLS far larger than the static TLS surplus glibc keeps for libraries loaded late
 * (a few KiB): dlopen fails with "cannot allocate memory in static TLS block", as jemalloc-linked
 * and CEF libraries do. */
static __thread char big_tls[4 * 1024 * 1024] __attribute__((tls_model("initial-exec")));

int bigtls_touch(int i) {
    big_tls[i & 0xFFFF] = (char) i;
    return big_tls[(i + 1) & 0xFFFF];
}
