/**
 * PE symbol binding offline: every import of every image in a resolved Windows tree (by name, by
 * ordinal, delay-load imports too) checked against the exporting DLL's export table as the Windows
 * loader checks it, export forwarders followed and API set contracts mapped to their hosts through the
 * system directory's API set schema. {@link dev.nativeload.resolve.symbols.pe.PeSymbolBinder} is the
 * entry point; the report is the ELF binder's {@link dev.nativeload.resolve.symbols.SymbolReport}.
 */
package dev.nativeload.resolve.symbols.pe;
