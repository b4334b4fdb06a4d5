package io.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModule.AllowedDependency;
import org.springframework.modulith.core.ApplicationModuleDependency;
import org.springframework.modulith.core.ApplicationModules;

import com.tngtech.archunit.core.domain.JavaClass;

/**
 * Modules (article, tag, source, text, ...) use each other only as their {@code package-info} declares
 * ({@code @ApplicationModule(allowedDependencies = ...)}), through the named interfaces they name, and
 * without cycles. The declarations are the module map a newcomer reads, so they are held to be complete
 * and exact: every module declares, and every declared dependency is used.
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(NewsroomApplication.class);

    private static final String FIXTURE = "io.newsroom.modularity.fixture";

    @Test
    void modulesUseEachOtherOnlyAsDeclared() {
        MODULES.verify();
    }

    /** A module without the declaration may use any other module: Modulith only checks what is declared. */
    @Test
    void everyModuleDeclaresWhatItMayUse() {
        List<String> undeclared = MODULES.stream()
                .filter(module -> !declaresAllowedDependencies(module))
                .map(module -> module.getIdentifier().toString())
                .toList();

        assertThat(undeclared)
                .as("modules without @ApplicationModule(allowedDependencies = {...}) in their package-info"
                        + " (write {} for a module that uses no other)")
                .isEmpty();
    }

    @Test
    void everyDeclaredDependencyIsUsed() {
        List<String> unused = MODULES.stream()
                .flatMap(module -> {
                    List<JavaClass> used = module.getDirectDependencies(MODULES).stream()
                            .map(ApplicationModuleDependency::getTargetType)
                            .toList();
                    return module.getAllowedDependencies(MODULES).stream()
                            .filter(allowed -> used.stream().noneMatch(type -> covers(allowed, type)))
                            .map(allowed -> module.getIdentifier() + " -> " + allowed);
                })
                .toList();

        assertThat(unused)
                .as("declared in allowedDependencies but not used any more: remove them from the package-info")
                .isEmpty();
    }

    /** The fixture breaks both kinds of declaration: verify() above fails the same way on the application. */
    @Test
    void aDependencyTheModuleDidNotDeclareIsReported() {
        var fixture = ApplicationModules.of(FIXTURE, testClassesToo -> true);

        assertThat(fixture.detectViolations().getMessages())
                .anyMatch(message -> message.startsWith("Module 'frontpage' depends on module 'newsdesk' via")
                        && message.contains(FIXTURE + ".frontpage.FrontPage -> " + FIXTURE + ".newsdesk.Desk"))
                .anyMatch(message -> message.startsWith("Module 'stranger' depends on named interface(s) 'newsdesk :: readers' via")
                        && message.contains(FIXTURE + ".stranger.Stranger -> " + FIXTURE + ".newsdesk.Visibility"))
                .noneMatch(message -> message.contains("FrontPage -> " + FIXTURE + ".newsdesk.Visibility"));
    }

    private static boolean declaresAllowedDependencies(ApplicationModule module) {
        String packageInfo = module.getBasePackage().getName() + ".package-info";
        try {
            var declaration = Class.forName(packageInfo).getAnnotation(org.springframework.modulith.ApplicationModule.class);
            return declaration != null
                    && !List.of(declaration.allowedDependencies()).equals(List.of(org.springframework.modulith.ApplicationModule.OPEN_TOKEN));
        } catch (ClassNotFoundException none) {
            return false;
        }
    }

    private static boolean covers(AllowedDependency allowed, JavaClass type) {
        var namedInterface = allowed.getTargetNamedInterface();
        return namedInterface == null ? allowed.getTargetModule().contains(type) : namedInterface.contains(type);
    }
}
