/*
 * An impostor for libembedded_solo.so: the same function, a different answer. Tests rename it over
 * a verified cache file while the library loads; the answer tells which file really ran.
 */
int embedded_solo(int x) {
    return x + 1000;
}
