/* JNI_OnLoad asking for a JNI version this JVM does not have (0x00010007 was never defined), like
 * https://github.com/gluonhq/substrate/issues/575 ("Unsupported JNI version 0x1"). */
#include <jni.h>

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
    return 0x00010007;
}
