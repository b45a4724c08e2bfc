/* A constructor that runs an instruction the CPU refuses: ud2 raises SIGILL on every x86-64.
 * Stands for code built with -march=native / AVX-512 run on a CPU without it, e.g.
 * https://github.com/kherud/java-llama.cpp/issues/25 and
 * https://github.com/deeplearning4j/libnd4j/issues/129 (SIGILL while loading the library). */
__attribute__((constructor)) static void zoo_init(void) {
    __asm__ volatile("ud2");
}

int crash_sigill_answer(void) { return 42; }
