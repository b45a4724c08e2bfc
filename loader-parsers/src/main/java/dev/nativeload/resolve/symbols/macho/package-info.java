/**
 * Mach-O symbols bound offline: which imports of a resolved Mach-O dependency tree dyld would not
 * find ("Symbol not found"), two-level (each import in the library its ordinal names, and what that
 * library re-exports) or flat, without running anything.
 * {@link dev.nativeload.resolve.symbols.macho.DyldBinder} is the entry point; its answer is a
 * {@link dev.nativeload.resolve.symbols.SymbolReport} whose unresolved imports name the library they
 * were expected in.
 */
package dev.nativeload.resolve.symbols.macho;
