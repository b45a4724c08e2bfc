// Natives outside native/<platform-id>/ are matched to <targets> by their headers: aarch64 is covered, x86_64 is not.
def log = new File(basedir, 'build.log').text
assert log.contains('nativeload: no natives under native/<platform-id>/') == false
assert log.contains("nativeload: the project's natives for linux-aarch64 are ok")
assert log =~ /the project ships no native for linux-x86_64 \(it has: (linux )?aarch64\)/
assert log.contains('BUILD FAILURE')
