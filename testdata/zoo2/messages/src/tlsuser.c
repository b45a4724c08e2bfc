/* A JNI-style wrapper whose dependency (libbigtls.so) uses initial-exec TLS, as libjcef.so needs libcef.so. */
int bigtls_touch(int i);

int tlsuser_call(int i) { return bigtls_touch(i) + 1; }
