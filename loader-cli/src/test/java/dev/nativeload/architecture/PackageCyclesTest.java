package dev.nativeload.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Dependencies between packages point one way: no package of a module reaches back to a package
 * that reaches it. Checked with ArchUnit over each module's compiled classes, every package its own
 * slice (the root package {@code dev.nativeload} included, which a {@code dev.nativeload.(*)}
 * pattern would leave out).
 */
class PackageCyclesTest {
    private static JavaClasses classesOf(String module) {
        Path classes = Path.of("..", module, "target", "classes");
        assertTrue(Files.isDirectory(classes), "compiled classes of " + module + " at " + classes.toAbsolutePath());
        return new ClassFileImporter().importPath(classes);
    }

    /** Every package is a slice of its own. */
    private static final SliceAssignment EACH_PACKAGE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            return pkg.startsWith("dev.nativeload") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
        }

        @Override
        public String getDescription() {
            return "each dev.nativeload package";
        }
    };

    /**
     * In loader-parsers the binary formats form one slice: {@code NativeBinary} is a sealed interface
     * whose permits list names each format's file type, so {@code binary} and {@code binary.elf|pe|macho}
     * see each other by design. Every other package is its own slice.
     */
    private static final SliceAssignment FORMATS_AS_ONE = new SliceAssignment() {
        @Override
        public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
            String pkg = javaClass.getPackageName();
            if (!pkg.startsWith("dev.nativeload")) {
                return SliceIdentifier.ignore();
            }
            return SliceIdentifier.of(pkg.startsWith("dev.nativeload.binary") ? "dev.nativeload.binary(+formats)" : pkg);
        }

        @Override
        public String getDescription() {
            return "dev.nativeload packages, the binary formats as one";
        }
    };

    @Test
    void loaderApiPackagesFormNoCycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(classesOf("loader-api"));
    }

    @Test
    void loaderFfmPackagesFormNoCycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(classesOf("loader-ffm"));
    }

    @Test
    void loaderCliPackagesFormNoCycle() {
        slices().assignedFrom(EACH_PACKAGE).should().beFreeOfCycles().check(classesOf("loader-cli"));
    }

    @Test
    void loaderParsersPackagesFormNoCycleBeyondTheSealedBinaryFamily() {
        slices().assignedFrom(FORMATS_AS_ONE).should().beFreeOfCycles().check(classesOf("loader-parsers"));
    }
}
