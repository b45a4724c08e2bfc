/*
 * A stand-in for /usr/lib/libSystem.B.dylib, which is not available without an SDK. An executable
 * linked against it records the real install name, as one linked on macOS would. It defines the
 * one symbol the linker insists on for lazy binding (the real one has no leading underscore,
 * hence the asm label); it is never run.
 */
void dyld_stub_binder(void) __asm__("dyld_stub_binder");
void dyld_stub_binder(void) { }
