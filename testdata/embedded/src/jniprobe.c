/*
 * A JNI method for dev.nativeload.embedded.JniProbe.answer(), written without jni.h:
 * JNIEnv* and jclass are pointers, jint is a 32-bit int, and JNIEXPORT is default visibility.
 */
__attribute__((visibility("default")))
int Java_dev_nativeload_embedded_JniProbe_answer(void *env, void *cls) {
    (void) env;
    (void) cls;
    return 42;
}
