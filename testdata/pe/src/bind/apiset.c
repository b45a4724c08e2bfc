/* apiset.exe: imports through an API set contract, as MSVC-built programs do: Sleep, which the
   contract's host exports, and NoSuchSynchFunction, which it does not (apiset.def promises both). */
void Sleep(unsigned long);
int NoSuchSynchFunction(void);

int start(void) {
    Sleep(0);
    return NoSuchSynchFunction();
}
