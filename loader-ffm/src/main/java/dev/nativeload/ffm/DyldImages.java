package dev.nativeload.ffm;

import java.lang.foreign.MemorySegment;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds the file behind a macOS {@code dlopen} handle: walks dyld's image list and re-opens each
 * image with {@code RTLD_NOLOAD}, which returns the existing handle without loading anything.
 */
final class DyldImages {
    private DyldImages() {
    }

    /**
     * {@return the path of the loaded image whose handle is {@code handle}}
     *
     * @param handle a handle from {@code dlopen}
     * @param flags  macOS's {@code RTLD_*} bits
     */
    static Optional<Path> pathOf(MemorySegment handle, Dlfcn.Flags flags) {
        int count = Dyld._dyld_image_count();
        for (int i = 0; i < count; i++) {
            String name = HostFacts.cText(Dyld._dyld_get_image_name(i));
            if (name.isEmpty()) {
                continue;
            }
            Scratch scratch = Scratch.current();
            MemorySegment cName = scratch.cString(name);
            if (cName == null) {
                continue;
            }
            MemorySegment other = Dlfcn.dlopen(scratch.callState(), cName, flags.noload() | flags.lazy());
            if (other.address() == 0) {
                Dlfcn.dlerror();
                continue;
            }
            boolean same = other.address() == handle.address();
            Dlfcn.dlclose(other);
            if (same) {
                return Optional.of(Path.of(name));
            }
        }
        return Optional.empty();
    }
}
