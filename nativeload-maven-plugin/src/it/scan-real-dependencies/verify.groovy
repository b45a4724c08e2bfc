// zstd-jni and sqlite-jdbc ship a native for each of the four targets, and those pass: the build passes.
def log = new File(basedir, 'build.log').text
for (target in ['linux-x86_64', 'linux-aarch64', 'osx-aarch64', 'windows-x86_64']) {
    assert log =~ /nativeload scan for ${target}: \d+ dependencies, 2 ship natives, \d+ natives, 0 problem\(s\)/
}
assert log.contains('BUILD SUCCESS')
