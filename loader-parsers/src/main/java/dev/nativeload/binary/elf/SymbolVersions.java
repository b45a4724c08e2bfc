package dev.nativeload.binary.elf;

import dev.nativeload.binary.BinaryData;
import dev.nativeload.binary.MalformedBinaryException;
import dev.nativeload.binary.VersionNeed;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The version tables: what the object requires ({@code DT_VERNEED}) and defines
 * ({@code DT_VERDEF}), and the index-to-name map {@code DT_VERSYM} entries refer to.
 * Both linked lists are walked with a bound on the records read; they cannot loop (see {@link #spend}).
 */
final class SymbolVersions {
    /** More version records than this (needs, auxiliaries, definitions together) is hostile. */
    static final int MAX_RECORDS = 1 << 16;

    private final List<VersionNeed> needs;
    private final List<VersionDefinition> definitions;
    /** Each version name by index (hidden bit cleared), empty where there is none: read for every symbol read. */
    private final List<Optional<String>> names;
    private final List<VersionRequirement> requirements;

    private SymbolVersions(List<VersionNeed> needs, List<VersionDefinition> definitions, Map<Integer, String> names,
                           List<VersionRequirement> requirements) {
        this.needs = needs;
        this.definitions = definitions;
        // Loops, no streams or lambdas, in this class: the live chain reads the versions of every file it
        // checks, and each lambda spins a class at run time on the first load that does.
        int top = -1;
        for (int index : names.keySet()) {
            top = Math.max(top, index);
        }
        List<Optional<String>> byIndex = new ArrayList<>(top + 1);
        for (int i = 0; i <= top; i++) {
            byIndex.add(Optional.ofNullable(names.get(i)));
        }
        this.names = List.copyOf(byIndex);
        this.requirements = requirements;
    }

    static SymbolVersions read(BinaryData d, DynamicSection dyn, LoadSegments loads) throws MalformedBinaryException {
        Map<Integer, String> names = new HashMap<>();
        int[] budget = {MAX_RECORDS};
        List<VersionRequirement> requirements = new ArrayList<>();
        List<VersionNeed> needs = readNeeds(d, dyn, loads, names, budget, requirements);
        List<VersionDefinition> defs = readDefinitions(d, dyn, loads, names, budget);
        return new SymbolVersions(needs, defs, names, List.copyOf(requirements));
    }

    private static List<VersionNeed> readNeeds(BinaryData d, DynamicSection dyn, LoadSegments loads,
                                               Map<Integer, String> names, int[] budget,
                                               List<VersionRequirement> requirements) throws MalformedBinaryException {
        Optional<DynamicEntry> start = DynamicSection.first(dyn.entries(), DynamicTag.VERNEED);
        if (start.isEmpty()) {
            return List.of();
        }
        long count = countOf(dyn, DynamicTag.VERNEEDNUM);
        long at = loads.requireFileOffset(start.get().value(), "DT_VERNEED", start.get().offset());
        Map<String, LinkedHashSet<String>> byFile = new LinkedHashMap<>();
        for (long i = 0; i < count; i++) {
            spend(budget, at);
            int auxCount = d.u16(at + 2, "vn_cnt");
            String file = dyn.strings().get(d.u32(at + 4, "vn_file"), "vn_file");
            long aux = Math.addExact(at, d.u32(at + 8, "vn_aux"));
            long next = d.u32(at + 12, "vn_next");
            LinkedHashSet<String> versions = byFile.get(file);
            if (versions == null) {
                versions = new LinkedHashSet<>();
                byFile.put(file, versions);
            }
            for (int j = 0; j < auxCount; j++) {
                spend(budget, aux);
                long hash = d.u32(aux, "vna_hash");
                int flags = d.u16(aux + 4, "vna_flags");
                int other = d.u16(aux + 6, "vna_other");
                String name = dyn.strings().get(d.u32(aux + 8, "vna_name"), "vna_name");
                versions.add(name);
                requirements.add(new VersionRequirement(file, name, other & 0x7FFF, (other & 0x8000) != 0, flags, hash));
                names.putIfAbsent(other & 0x7FFF, name);
                long auxNext = d.u32(aux + 12, "vna_next");
                if (auxNext == 0) {
                    break;
                }
                aux = Math.addExact(aux, auxNext);
            }
            if (next == 0) {
                break;
            }
            at = Math.addExact(at, next);
        }
        List<VersionNeed> result = new ArrayList<>();
        for (Map.Entry<String, LinkedHashSet<String>> entry : byFile.entrySet()) {
            result.add(new VersionNeed(entry.getKey(), List.copyOf(entry.getValue())));
        }
        return List.copyOf(result);
    }

    private static List<VersionDefinition> readDefinitions(BinaryData d, DynamicSection dyn, LoadSegments loads,
                                                           Map<Integer, String> names, int[] budget)
            throws MalformedBinaryException {
        Optional<DynamicEntry> start = DynamicSection.first(dyn.entries(), DynamicTag.VERDEF);
        if (start.isEmpty()) {
            return List.of();
        }
        long count = countOf(dyn, DynamicTag.VERDEFNUM);
        long at = loads.requireFileOffset(start.get().value(), "DT_VERDEF", start.get().offset());
        List<VersionDefinition> result = new ArrayList<>();
        for (long i = 0; i < count; i++) {
            spend(budget, at);
            int flags = d.u16(at + 2, "vd_flags");
            int index = d.u16(at + 4, "vd_ndx");
            int auxCount = d.u16(at + 6, "vd_cnt");
            long aux = Math.addExact(at, d.u32(at + 12, "vd_aux"));
            long next = d.u32(at + 16, "vd_next");
            List<String> auxNames = new ArrayList<>();
            for (int j = 0; j < auxCount; j++) {
                spend(budget, aux);
                auxNames.add(dyn.strings().get(d.u32(aux, "vda_name"), "vda_name"));
                long auxNext = d.u32(aux + 4, "vda_next");
                if (auxNext == 0) {
                    break;
                }
                aux = Math.addExact(aux, auxNext);
            }
            if (auxNames.isEmpty()) {
                throw new MalformedBinaryException(at, "version definition " + index + " has no name (vd_cnt 0)");
            }
            result.add(new VersionDefinition(index, flags, auxNames.get(0), auxNames.subList(1, auxNames.size())));
            names.put(index & 0x7FFF, auxNames.get(0));
            if (next == 0) {
                break;
            }
            at = Math.addExact(at, next);
        }
        return List.copyOf(result);
    }

    /** The record count from DT_VERNEEDNUM / DT_VERDEFNUM; without it, walk until a zero next link. */
    private static long countOf(DynamicSection dyn, DynamicTag tag) {
        OptionalLong n = dyn.value(tag);
        return n.isPresent() ? n.getAsLong() : Long.MAX_VALUE;
    }

    /**
     * Counts one record against the budget. No list can loop: every link ({@code vn_next},
     * {@code vna_next}, {@code vd_next}, {@code vda_next}) is an unsigned distance and a zero one
     * ends the list, so each record lies past the one before, and the budget bounds the walk.
     */
    private static void spend(int[] budget, long offset) throws MalformedBinaryException {
        if (--budget[0] < 0) {
            throw new MalformedBinaryException(offset, "more than " + MAX_RECORDS + " symbol version records");
        }
    }

    List<VersionNeed> needs() {
        return needs;
    }

    List<VersionDefinition> definitions() {
        return definitions;
    }

    /** {@return every {@code DT_VERNEED} auxiliary entry, in file order, with its file} */
    List<VersionRequirement> requirements() {
        return requirements;
    }

    /** {@return the version name for a {@code DT_VERSYM} index (hidden bit cleared), if known} */
    Optional<String> name(int index) {
        int i = index & 0x7FFF;
        return i < names.size() ? names.get(i) : Optional.empty();
    }
}
