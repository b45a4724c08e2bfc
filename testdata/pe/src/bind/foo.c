/* foo.dll as shipped (version 1): exports f1 only. Consumers are linked against version 2's import
   library (foo-v2.def), which also lists f2. */
__declspec(dllexport) int f1(void) { return 1; }
