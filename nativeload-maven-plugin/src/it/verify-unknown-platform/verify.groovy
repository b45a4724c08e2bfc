// native/linux-amd46/ names no platform: nativeload verify refuses the id (exit 2) and the build fails quoting it.
def log = new File(basedir, 'build.log').text
assert log.contains('nativeload verify refused to check native/linux-amd46/ (usage error')
assert log =~ /unknown architecture 'amd46' in target 'linux-amd46'/
assert log.contains('BUILD FAILURE')
