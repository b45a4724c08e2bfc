package dev.nativeload.binary.macho;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Sorts an image's load commands, in one pass, into the views {@link MachOFile} offers. */
final class LoadCommands {
    private LoadCommands() {
    }

    /** The views of one image's commands; where a command may repeat, the first one wins. */
    record Index(Optional<LoadCommand.Dylib> id, List<LoadCommand.Dylib> dependencies, List<String> dependencyNames,
                 List<String> rpaths, Optional<LoadCommand.BuildVersion> buildVersion,
                 Optional<LoadCommand.VersionMin> versionMin, Optional<UUID> uuid, List<LoadCommand.Segment> segments,
                 Optional<String> dylinker, Optional<LoadCommand.EntryPoint> entryPoint) {
    }

    static Index index(List<LoadCommand> commands) {
        LoadCommand.Dylib id = null;
        List<LoadCommand.Dylib> dependencies = new ArrayList<>();
        List<String> names = new ArrayList<>();
        List<String> rpaths = new ArrayList<>();
        LoadCommand.BuildVersion build = null;
        LoadCommand.VersionMin min = null;
        UUID uuid = null;
        List<LoadCommand.Segment> segments = new ArrayList<>();
        String dylinker = null;
        LoadCommand.EntryPoint entry = null;
        for (LoadCommand c : commands) {
            switch (c) {
                case LoadCommand.Dylib d when d.kind() == DylibKind.ID -> id = id != null ? id : d;
                case LoadCommand.Dylib d -> {
                    dependencies.add(d);
                    names.add(d.name());
                }
                case LoadCommand.Rpath r -> rpaths.add(r.path());
                case LoadCommand.BuildVersion b -> build = build != null ? build : b;
                case LoadCommand.VersionMin v -> min = min != null ? min : v;
                case LoadCommand.Uuid u -> uuid = uuid != null ? uuid : u.uuid();
                case LoadCommand.Segment s -> segments.add(s);
                case LoadCommand.Dylinker d when d.type().value() == LoadCommandType.LC_LOAD_DYLINKER ->
                        dylinker = dylinker != null ? dylinker : d.name();
                case LoadCommand.EntryPoint e -> entry = entry != null ? entry : e;
                default -> {
                }
            }
        }
        return new Index(Optional.ofNullable(id), List.copyOf(dependencies), List.copyOf(names), List.copyOf(rpaths),
                Optional.ofNullable(build), Optional.ofNullable(min), Optional.ofNullable(uuid), List.copyOf(segments),
                Optional.ofNullable(dylinker), Optional.ofNullable(entry));
    }
}
