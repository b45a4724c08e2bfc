/* useall.exe: imports f1 and f2 (foo.dll lacks f2), ordinals 1 and 7 of ords.dll (7 is missing), g, h,
   k and l through fwda.dll's forwarders (h is missing in fwdb.dll, l loops between fwda.dll and
   loopb.dll). Built without the C runtime, so the tree holds only these DLLs. */
int f1(void);
int f2(void);
int o1(void);
int o7(void);
int a_own(void);
int g(void);
int h(void);
int k(void);
int l(void);

int start(void) {
    return f1() + f2() + o1() + o7() + a_own() + g() + h() + k() + l();
}
