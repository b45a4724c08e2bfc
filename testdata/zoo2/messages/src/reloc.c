/* Has a GLOB_DAT relocation (the address of an exported variable) and a JUMP_SLOT one (a call
 * through the PLT); build.sh rewrites their types to one the loader does not know. */
int reloc_data = 5;
int reloc_callee(int x) { return x + reloc_data; }

int reloc_read(void) { return reloc_data; }
int reloc_call(int x) { return reloc_callee(x); }
