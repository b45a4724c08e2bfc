/* Defines a TLS variable for libtlsuse.so (musl set-up). */
__thread int tls_var = 42;
