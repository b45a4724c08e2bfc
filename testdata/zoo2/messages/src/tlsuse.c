/* Reads tls_var, defined in its dependency libtlsdef.so, through initial-exec TLS: musl refuses
 * this when libtlsdef.so is loaded by dlopen rather than at program start. */
extern __thread int tls_var __attribute__((tls_model("initial-exec")));

int tlsuse_read(void) { return tls_var; }
