package dev.nativeload.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command-line syntax every subcommand shares: options, values, positional arguments and their errors. */
class ArgumentParserTest {
    private static final OptionSpec JSON = OptionSpec.flag("--json", "JSON.");
    private static final OptionSpec TARGET = OptionSpec.value("--target", "PLATFORM", "The platform.");
    private static final OptionSpec TIMEOUT = OptionSpec.value("--timeout", "SECONDS", "Seconds.").withDefault("60");
    private static final OptionSpec ENV = OptionSpec.value("--env", "NAME=VALUE", "A variable.").asRepeatable();
    private static final OptionSpec DIR = OptionSpec.value("--dir", "DIR", "A directory.");
    private static final CommandSyntax FILES = new CommandSyntax("demo", List.of("Demonstrates."),
            List.of(JSON, TARGET, TIMEOUT, ENV, DIR), PositionalSpec.oneOrMore("FILE", "Files."), List.of("0:ok"));

    private static Arguments run(CommandSyntax syntax, String... args) {
        return assertInstanceOf(ArgumentParser.Run.class, ArgumentParser.parse(syntax, List.of(args))).arguments();
    }

    private static String usageError(CommandSyntax syntax, String... args) {
        return assertThrows(UsageException.class, () -> ArgumentParser.parse(syntax, List.of(args))).getMessage();
    }

    @Test
    void optionsAndPositionalArgumentsMayComeInAnyOrder() {
        Arguments a = run(FILES, "a", "--json", "--target", "osx-aarch64", "b");
        assertTrue(a.flag(JSON));
        assertEquals("osx-aarch64", a.value(TARGET));
        assertEquals(List.of("a", "b"), a.positionals());
    }

    @Test
    void aValueMayFollowAnEqualsSignAndMayItselfHoldOne() {
        Arguments a = run(FILES, "--target=linux-x86_64", "--env=LD_LIBRARY_PATH=/a=b", "f");
        assertEquals("linux-x86_64", a.value(TARGET));
        assertEquals(Map.of("LD_LIBRARY_PATH", "/a=b"), a.keyValues(ENV));
    }

    @Test
    void anOptionNotGivenHasItsDefaultOrNone() {
        Arguments a = run(FILES, "f");
        assertFalse(a.flag(JSON));
        assertNull(a.value(TARGET));
        assertEquals(60L, a.longValue(TIMEOUT));
        assertEquals(List.of(), a.values(ENV));
    }

    @Test
    void aRepeatableOptionKeepsEveryValueInOrderAndALaterNameWins() {
        Arguments a = run(FILES, "--env", "A=1", "--env", "B=2", "--env", "A=3", "f");
        assertEquals(List.of("A=1", "B=2", "A=3"), a.values(ENV));
        assertEquals(List.of("A", "B"), List.copyOf(a.keyValues(ENV).keySet()));
        assertEquals("3", a.keyValues(ENV).get("A"));
    }

    @Test
    void doubleDashEndsTheOptionsAndALoneDashIsAnArgument() {
        Arguments a = run(FILES, "-", "--", "--json", "-x");
        assertFalse(a.flag(JSON));
        assertEquals(List.of("-", "--json", "-x"), a.positionals());
    }

    @Test
    void anAtArgumentIsKeptAsItStandsForTheCommandToReadAsAList() {
        assertEquals(List.of("@list", "./@name"), run(FILES, "@list", "./@name").positionals());
    }

    @Test
    void helpAndVersionAreAnsweredWhateverElseIsMissing() {
        assertInstanceOf(ArgumentParser.Help.class, ArgumentParser.parse(FILES, List.of("--help")));
        assertInstanceOf(ArgumentParser.Help.class, ArgumentParser.parse(FILES, List.of("--json", "-h")));
        assertInstanceOf(ArgumentParser.Version.class, ArgumentParser.parse(FILES, List.of("-V")));
        assertInstanceOf(ArgumentParser.Version.class, ArgumentParser.parse(FILES, List.of("--version")));
    }

    @Test
    void anUnknownOptionIsAUsageErrorNamingIt() {
        assertTrue(usageError(FILES, "--frobnicate", "f").contains("'--frobnicate'"));
        assertTrue(usageError(FILES, "-x", "f").contains("'-x'"));
        assertTrue(usageError(FILES, "--jso=1", "f").contains("'--jso'"));
    }

    @Test
    void aMissingValueIsAUsageErrorNamingTheOptionAndItsLabel() {
        String message = usageError(FILES, "f", "--target");
        assertTrue(message.contains("--target") && message.contains("PLATFORM"), message);
    }

    @Test
    void aFlagGivenAValueIsAUsageError() {
        assertTrue(usageError(FILES, "--json=yes", "f").contains("--json"));
    }

    @Test
    void aSingleValuedOptionGivenTwiceIsAUsageError() {
        assertTrue(usageError(FILES, "--target", "a", "--target", "b", "f").contains("more than once"));
        assertTrue(usageError(FILES, "--json", "--json", "f").contains("more than once"));
    }

    @Test
    void tooFewPositionalArgumentsIsAUsageErrorNamingTheirLabel() {
        assertTrue(usageError(FILES, "--json").contains("'FILE'"));
    }

    @Test
    void tooManyPositionalArgumentsIsAUsageErrorNamingTheFirstSurplusOne() {
        CommandSyntax one = new CommandSyntax("one", List.of("One."), List.of(), PositionalSpec.one("NAME", "A name."), List.of());
        String message = usageError(one, "a", "b", "c");
        assertTrue(message.contains("'b'") && message.contains("one NAME"), message);
    }

    @Test
    void anOptionalPositionalArgumentTakesItsDefaultWhenNoneIsGiven() {
        CommandSyntax log = new CommandSyntax("log", List.of("Log."), List.of(),
                PositionalSpec.optional("FILE", "A log.", "-"), List.of());
        assertEquals(List.of("-"), run(log).positionals());
        assertEquals(List.of("x.log"), run(log, "x.log").positionals());
    }

    @Test
    void aRequiredOptionNotGivenIsAUsageErrorNamingIt() {
        CommandSyntax required = new CommandSyntax("req", List.of("Req."), List.of(TARGET.asRequired()),
                PositionalSpec.oneOrMore("FILE", "Files."), List.of());
        assertTrue(usageError(required, "f").contains("--target"));
        assertEquals("x", run(required, "--target", "x", "f").value(TARGET.asRequired()));
    }

    @Test
    void aValueOfTheWrongTypeIsAUsageErrorNamingTheOption() {
        UsageException number = assertThrows(UsageException.class, () -> run(FILES, "--timeout", "soon", "f").longValue(TIMEOUT));
        assertTrue(number.getMessage().contains("--timeout") && number.getMessage().contains("soon"), number.getMessage());
        UsageException pair = assertThrows(UsageException.class, () -> run(FILES, "--env", "NOEQUALS", "f").keyValues(ENV));
        assertTrue(pair.getMessage().contains("NAME=VALUE"), pair.getMessage());
        UsageException path = assertThrows(UsageException.class, () -> run(FILES, "--dir", "a\0b", "f").pathValue(DIR));
        assertTrue(path.getMessage().contains("--dir"), path.getMessage());
        assertEquals(Path.of("d"), run(FILES, "--dir", "d", "f").pathValue(DIR));
    }

    @Test
    void theHelpListsEveryOptionWithItsLabelAndDefaultAndEveryExitStatus() {
        String help = UsageText.of("nativeload", FILES);
        assertTrue(help.startsWith("Usage: nativeload demo [-hV] [--json] [--target=PLATFORM] [--timeout=SECONDS] "
                + "[--env=NAME=VALUE]... [--dir=DIR] FILE...\n"), help);
        for (String shown : List.of("--json", "--target=PLATFORM", "Seconds. Default: 60.", "--env=NAME=VALUE", "FILE...",
                "-h, --help", "-V, --version", "Exit status:", "0  ok")) {
            assertTrue(help.contains(shown), shown + " in " + help);
        }
        assertTrue(help.lines().allMatch(l -> l.length() <= 80 || l.startsWith("Usage:")), help);
    }
}
