package dev.nativeload.internal.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of the loader-message table that can be produced on Linux x86-64 is: a real
 * {@code dlopen} (glibc's, or musl's in a musl-linked probe) of a set-up built by
 * {@code testdata/zoo2/messages/build.sh} gives a text that matches exactly that row.
 */
@EnabledOnOs(OS.LINUX)
class LoaderMessagesProducedTest {

    static Stream<KnownMessage> producible() {
        return MessageTable.standard().rows().stream().filter(r -> r.producedBy().isPresent());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("producible")
    void aRealDlopenOfTheSetUpGivesExactlyThisRow(KnownMessage row) throws Exception {
        String setup = row.producedBy().orElseThrow();
        if (row.loader() == KnownMessage.Loader.MUSL) {
            Zoo2Messages.require("musl-gcc");
        }
        String said = Zoo2Messages.probe(setup, Zoo2Messages.mode(setup));
        MessageTable.Match m = MessageTable.standard().match(said)
                .orElseThrow(() -> new AssertionError(setup + " said something no row knows: " + said));
        assertEquals(row.id(), m.row().id(), setup + " said: " + said);
        if (row.template().contains("{obj}") && !said.startsWith("dlopen:")) {
            String obj = m.capture("obj").orElseThrow();
            assertTrue(obj.contains(Zoo2Messages.dir().toString()) || !obj.contains("/"), "the object is a file of the set-up: " + obj);
        }
    }

    @Test
    void everySetUpARowNamesIsBuiltByTheScript() throws Exception {
        for (KnownMessage row : MessageTable.standard().rows()) {
            if (row.producedBy().isPresent()) {
                java.nio.file.Path target = Zoo2Messages.target(row.producedBy().get());
                assertTrue(java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)
                        || row.producedBy().get().endsWith("missing") || row.producedBy().get().equals("missing-file"),
                        row.id() + ": build.sh made no " + target);
            }
        }
    }
}
