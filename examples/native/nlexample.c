/* A tiny library embedded in the examples jar, to show the chain's embedded step. */
const char *nlexample_greeting(void) {
    return "hello from a library extracted out of the examples jar";
}
