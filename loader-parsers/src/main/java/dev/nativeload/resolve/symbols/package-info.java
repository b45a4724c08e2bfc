/**
 * Symbols bound offline: which references of a resolved ELF dependency tree {@code ld.so} would
 * leave undefined, and which required symbol versions no loaded object defines, without running
 * or mapping anything executable.
 *
 * <p>{@link dev.nativeload.resolve.symbols.SymbolBinder} takes the tree a
 * {@link dev.nativeload.resolve.DependencyResolver} resolved and binds every symbol its objects'
 * dynamic relocations name the way glibc's {@code ld.so} does with {@code LD_BIND_NOW} (what
 * {@code ldd -r} runs): the global scope in breadth-first load order, versions checked against the
 * defining object's, hidden and local definitions skipped, copy relocations not looking in the
 * executable, canonical PLT entries serving address references only. The answer is a
 * {@link dev.nativeload.resolve.symbols.SymbolReport}.
 */
package dev.nativeload.resolve.symbols;
