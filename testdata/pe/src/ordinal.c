/* Functions exported by ordinal only (see ordinal.def). */
int ord_first(void) { return 1; }
int ord_second(void) { return 2; }
int ord_named(void) { return 3; }
