/* The library a program asks for: needs libembedded_mid.so and libembedded_dep.so. */
int embedded_mid_value(void);
int embedded_dep_value(void);

int embedded_answer(void) {
    return embedded_mid_value() + embedded_dep_value() - 7;
}
