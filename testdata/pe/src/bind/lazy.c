/* lazy.exe: delay-loads foo.dll and calls f1 (present) and f2 (missing in the shipped foo.dll): the
   program starts; the first call to f2 fails. */
int f1(void);
int f2(void);

int start(void) {
    return f1() + f2();
}

/* The delay-load helper the linker's thunks call at the first call into foo.dll. The C runtime's
   would LoadLibrary and GetProcAddress; this fixture is read, never run, and is built without the
   runtime (so its tree holds only foo.dll): a stand-in that resolves nothing. */
void *__delayLoadHelper2(const void *descriptor, void **slot) {
    (void) descriptor;
    return *slot = 0;
}
