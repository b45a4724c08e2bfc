/* Marked with the x86-64 ISA level it needs (GNU property note, ld -z x86-64-vN). */
int isa_answer(void) { return 42; }
