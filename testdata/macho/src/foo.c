/* libfoo: install name @rpath/libfoo.1.dylib, two rpaths, a plain, a weak and a re-exported dependency. */
extern int dep_value(void);
extern int weak_value(void) __attribute__((weak_import));
extern int reexp_value(void);

int foo(void) {
    int w = weak_value ? weak_value() : 0;
    return dep_value() + w + reexp_value();
}
