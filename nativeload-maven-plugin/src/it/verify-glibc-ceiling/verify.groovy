// The native needs GLIBC_2.34; the ceiling is 2.28: the build failed on the glibc-version rule, naming GLIBC_2.34.
def log = new File(basedir, 'build.log').text
assert log =~ /target\/classes\/native\/linux-x86_64\/libcloser\.so: glibc-version: needs GLIBC_2\.34\b.*2\.28/
assert log.contains('BUILD FAILURE')
