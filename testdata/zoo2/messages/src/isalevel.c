/* Marked (GNU property note, x86 ISA_1_NEEDED) as needing an x86-64 ISA level above every one a
 * CPU has (bit 4, past x86-64-v4): glibc refuses it with "CPU ISA level is lower than required",
 * as it refuses an x86-64-v3 library on a v2 CPU. x86-64 only. */
__asm__(".pushsection .note.gnu.property,\"a\",@note\n"
        ".p2align 3\n"
        ".long 4\n"          /* n_namesz */
        ".long 16\n"         /* n_descsz */
        ".long 5\n"          /* NT_GNU_PROPERTY_TYPE_0 */
        ".asciz \"GNU\"\n"
        ".long 0xc0008002\n" /* GNU_PROPERTY_X86_ISA_1_NEEDED */
        ".long 4\n"
        ".long 0x10\n"
        ".p2align 3\n"
        ".popsection\n");

int isa_answer(void) { return 42; }
