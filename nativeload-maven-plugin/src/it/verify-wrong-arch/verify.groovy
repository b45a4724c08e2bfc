// The aarch64 native under native/linux-x86_64/ failed the build on the arch rule, naming aarch64.
def log = new File(basedir, 'build.log').text
assert log.contains('target/classes/native/linux-x86_64/libhello.so: arch: built for aarch64, not x86_64')
assert log.contains('nativeload: 1 problem(s) with the natives')
assert log.contains('BUILD FAILURE')
