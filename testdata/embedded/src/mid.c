/* Needs libembedded_dep.so. */
int embedded_dep_value(void);

int embedded_mid_value(void) {
    return embedded_dep_value() * 6;
}
