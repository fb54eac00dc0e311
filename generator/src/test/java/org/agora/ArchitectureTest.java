package org.agora;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The direction between Agora's packages, written once in {@link #LAYERS}, and held over the main code (test
 * code may reach anywhere). A package may depend only on packages of lower layers, never on a peer of its own
 * layer nor on anything above; so there are no cycles between packages either.
 */
class ArchitectureTest {

    /**
     * Bottom-up. Each inner list is one layer of peers that do not know each other.
     * {@code diag} and {@code search} stand alone at the bottom: positions and problems are what every stage
     * reports with, and the search engine (Lucene, the static export, the query engine) is usable without a site.
     */
    static final List<List<String>> LAYERS = List.of(
            List.of("diag", "search"),
            List.of("yaml", "files"),
            List.of("config"),
            List.of("content"),
            List.of("i18n", "model"),
            List.of("markdown", "cite"),
            List.of("publish", "check"),
            List.of("render"),
            List.of("site"),
            List.of("serve"),
            List.of("cli"));

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.agora");

    @Test
    void everyPackageHasItsPlaceInTheLayers() {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : MAIN) {
            String rest = c.getPackageName().equals("org.agora") ? "" : c.getPackageName().substring("org.agora.".length());
            found.add(rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
        }
        Set<String> listed = new TreeSet<>();
        LAYERS.forEach(listed::addAll);
        assertEquals(listed, found, "a new package of org.agora needs its place in ArchitectureTest.LAYERS");
    }

    @Test
    void packagesDependOnlyOnLowerLayers() {
        Architectures.LayeredArchitecture rule = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (List<String> layer : LAYERS) {
            for (String pkg : layer) rule = rule.layer(pkg).definedBy("org.agora." + pkg + "..");
        }
        List<String> below = new ArrayList<>();
        for (List<String> layer : LAYERS) {
            for (String pkg : layer) {
                rule = below.isEmpty()
                        ? rule.whereLayer(pkg).mayNotAccessAnyLayer()
                        : rule.whereLayer(pkg).mayOnlyAccessLayers(below.toArray(String[]::new));
            }
            below.addAll(layer);
        }
        rule.check(MAIN);
    }

    /** Already implied by their place in {@link #LAYERS}; said outright because the rest of the design leans on it. */
    @Test
    void diagAndSearchDependOnNoOtherAgoraPackage() {
        for (String pkg : List.of("diag", "search")) {
            noClasses().that().resideInAPackage("org.agora." + pkg + "..")
                    .should().dependOnClassesThat(resideInAPackage("org.agora..")
                            .and(not(resideInAPackage("org.agora." + pkg + "..")))
                            .as("classes of another Agora package"))
                    .check(MAIN);
        }
    }

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching("org.agora.(*)..").should().beFreeOfCycles().check(MAIN);
    }
}
