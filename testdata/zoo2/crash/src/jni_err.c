/* JNI_OnLoad returning JNI_ERR: the JVM says "unsupported JNI version 0xFFFFFFFF required by ...",
 * as in https://github.com/libsdl-org/SDL/issues/14536 (SDL3's JNI_OnLoad on a desktop JVM). */
#include <jni.h>

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    (void) vm;
    (void) reserved;
    return JNI_ERR;
}
