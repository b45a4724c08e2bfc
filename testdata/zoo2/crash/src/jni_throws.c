/* JNI_OnLoad looking up a class that is not there (shaded, renamed or stripped by a shrinker):
 * FindClass leaves NoClassDefFoundError pending and JNI_OnLoad gives up. */
#include <jni.h>

JNIEXPORT jint JNICALL JNI_OnLoad(JavaVM *vm, void *reserved) {
    JNIEnv *env;
    (void) reserved;
    if ((*vm)->GetEnv(vm, (void **) &env, JNI_VERSION_1_8) != JNI_OK) {
        return JNI_ERR;
    }
    if ((*env)->FindClass(env, "org/example/zoo/RemovedByShrinker") == NULL) {
        return JNI_ERR;
    }
    return JNI_VERSION_1_8;
}
