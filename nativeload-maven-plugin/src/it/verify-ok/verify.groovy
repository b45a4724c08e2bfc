// The x86_64 native passed, was checked once (target/classes and the jar hold the same bytes), and the build passed.
def log = new File(basedir, 'build.log').text
assert log.contains('nativeload runs on ')
assert log.contains('target/classes/native/linux-x86_64/libhello.so: ok for linux-x86_64')
assert !log.contains('verify-ok-1.0.jar!/native/linux-x86_64/libhello.so')
assert log.contains('BUILD SUCCESS')
def jar = new java.util.jar.JarFile(new File(basedir, 'target/verify-ok-1.0.jar'))
try {
    assert jar.getEntry('native/linux-x86_64/libhello.so') != null
} finally {
    jar.close()
}
