package org.nearmiss;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(NearmissApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theCapabilitiesBuiltSoFarAreModules() {
        // Guards against the check passing vacuously because a package was renamed or lost.
        assertThat(modules.stream().map(ApplicationModule::getBasePackage).map(p -> p.getName()))
                .contains("org.nearmiss.intake", "org.nearmiss.accounts", "org.nearmiss.review", "org.nearmiss.system");
    }

    @Test
    void theReadmeDiagramShowsEveryModuleAndEveryDependency() throws java.io.IOException {
        String readme = java.nio.file.Files.readString(java.nio.file.Path.of("README.md"));
        String diagram =
                readme.substring(readme.indexOf("```mermaid"), readme.indexOf("```", readme.indexOf("```mermaid") + 3));
        modules.forEach(module -> {
            assertThat(diagram).contains(module.getDisplayName());
            module.getDirectDependencies(modules)
                    .uniqueModules()
                    .forEach(target ->
                            assertThat(diagram).contains(module.getDisplayName() + " --> " + target.getDisplayName()));
        });
    }

    @Test
    void writesTheModuleDiagram() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
