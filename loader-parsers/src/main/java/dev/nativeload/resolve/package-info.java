/**
 * A safe {@code ldd} for every platform: resolves the dependency tree of an ELF, Mach-O or PE
 * binary the way the host's loader would, reading headers only and never running anything.
 *
 * <p>{@link dev.nativeload.resolve.DependencyResolver} emulates glibc {@code ld.so}, musl, dyld or
 * the Windows loader, chosen by the {@link dev.nativeload.resolve.ResolveHost} it is given (an input,
 * so a Linux machine can ask how a macOS or Windows tree resolves). Each
 * {@link dev.nativeload.resolve.DependencyNode} says how it was found ({@link dev.nativeload.resolve.How})
 * and lists every candidate rejected on the way ({@link dev.nativeload.resolve.Tried});
 * {@link dev.nativeload.resolve.MissingDependency} names the chain to the first dependency that cannot
 * be found. {@link dev.nativeload.resolve.LdSoCache} reads glibc's {@code ld.so.cache}.
 */
package dev.nativeload.resolve;
