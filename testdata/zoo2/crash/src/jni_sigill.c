/* JNI_OnLoad that runs an instruction the CPU refuses (the SIGILL reports above, in the JNI step). */
#include <jni.h>

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
    __asm__ volatile("ud2");
    return JNI_VERSION_1_8;
}
