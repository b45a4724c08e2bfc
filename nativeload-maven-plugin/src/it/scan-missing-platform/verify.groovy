// The dependency ships a native for linux-aarch64 only: linux-aarch64 passes, linux-x86_64 fails naming the jar.
def log = new File(basedir, 'build.log').text
assert log.contains('nativeload scan for linux-aarch64: 1 dependencies, 1 ship natives, 1 natives, 0 problem(s)')
assert log =~ /dev\.nativeload\.it:natives-aarch64-only:jar:1\.0 \(natives-aarch64-only-1\.0\.jar\) ships natives but none for linux-x86_64 \(it has: (linux )?aarch64\)/
assert log.contains('nativeload scan for linux-x86_64: 1 dependencies, 1 ship natives, 1 natives, 1 problem(s)')
assert log.contains('BUILD FAILURE')
