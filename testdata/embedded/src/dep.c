/* The bottom of a library set: needed by mid and by the top library. */
int embedded_dep_value(void) {
    return 7;
}
