package dev.nativeload.resolve.symbols;

import dev.nativeload.binary.elf.VersionRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The version check {@code ld.so} makes before relocating ({@code _dl_check_map_versions}): every
 * version an object requires of a dependency must be among the dependency's version definitions.
 * A dependency that was not found is not checked, nor one without any {@code DT_VERDEF} (it was
 * built without versions), nor a weak requirement.
 */
final class VersionCheck {
    private VersionCheck() {
    }

    /**
     * {@return every requirement the named dependency does not define, in the objects' order}
     *
     * @param objects the loaded objects in load order, with their paths
     * @param byName  every loaded object under each name it is known by (requested names, soname, path);
     *                a dependency that was not found has none
     */
    static List<VersionError> run(List<TreeObjects.Entry> objects, Map<String, TreeObjects.Entry> byName) {
        List<VersionError> out = new ArrayList<>();
        for (TreeObjects.Entry e : objects) {
            for (VersionRequirement r : e.object().elf().versionRequirements()) {
                TreeObjects.Entry needed = byName.get(r.file());
                if (needed == null) {
                    continue;
                }
                if (r.weak() || !needed.object().definesVersions() || needed.object().definesVersion(r.name())) {
                    continue;
                }
                out.add(new VersionError(r.name(), r.file(), needed.path(), e.path()));
            }
        }
        return out;
    }
}
