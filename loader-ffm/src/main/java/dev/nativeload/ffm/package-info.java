/** FFM bindings of the platform loaders and the {@code NativeAccess} built on them. */
package dev.nativeload.ffm;
