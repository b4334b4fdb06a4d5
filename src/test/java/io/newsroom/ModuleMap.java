package io.newsroom;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModule.AllowedDependency;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.NamedInterface;

import com.tngtech.archunit.core.domain.JavaClass;

/**
 * docs/modules/modules.md: each module with what it may use and who may use it, and what each named
 * interface holds. Modulith's canvases and diagrams show the dependencies the code has; this shows the
 * declarations that bound them.
 */
final class ModuleMap {

    private ModuleMap() {
    }

    static String of(ApplicationModules modules, String regenerate) {
        List<ApplicationModule> sorted = modules.stream()
                .sorted(Comparator.comparing(module -> module.getIdentifier().toString()))
                .toList();
        StringBuilder map = new StringBuilder("""
                # Modules

                Written by `ModuleDocumentationTest` from each module's `package-info.java` (`@ApplicationModule`)
                and the types marked `@NamedInterface`; `ModularityTest` holds the code to these declarations.
                Do not edit: run `%s`.

                | Module | Package | May use | Used by |
                |---|---|---|---|
                """.formatted(regenerate));
        for (ApplicationModule module : sorted) {
            map.append("| %s | `%s` | %s | %s |\n".formatted(module.getDisplayName(), module.getBasePackage().getName(),
                    orNothing(module.getAllowedDependencies(modules).stream().map(Object::toString).sorted()),
                    orNothing(sorted.stream().flatMap(user -> usedBy(user, module, modules)))));
        }
        map.append("""

                ## Named interfaces

                The parts of a module that others name as `module :: interface` in `allowedDependencies`. A
                type joins one by `@NamedInterface` on its declaration, and the module's types in its public
                signatures join with it. Naming a module without `::` gives the public types of its base package.

                | Interface | Types |
                |---|---|
                """);
        for (ApplicationModule module : sorted) {
            module.getNamedInterfaces().stream().filter(NamedInterface::isNamed).forEach(named -> map.append(
                    "| `%s :: %s` | %s |\n".formatted(module.getIdentifier(), named.getName(),
                            orNothing(named.asJavaClasses().map(ModuleMap::localName).distinct().sorted()
                                    .map(name -> "`" + name + "`")))));
        }
        return map.toString();
    }

    /** "similar (api, readers)": how {@code user} is allowed to use {@code module}, if at all. */
    private static Stream<String> usedBy(ApplicationModule user, ApplicationModule module, ApplicationModules modules) {
        List<String> interfaces = user.getAllowedDependencies(modules).stream()
                .filter(allowed -> allowed.getTargetModule().equals(module))
                .map(AllowedDependency::getTargetNamedInterface)
                .map(named -> named == null || named.isUnnamed() ? "" : named.getName())
                .toList();
        if (interfaces.isEmpty()) {
            return Stream.empty();
        }
        String named = interfaces.stream().filter(name -> !name.isEmpty()).sorted().collect(Collectors.joining(", "));
        return Stream.of(named.isEmpty() ? user.getIdentifier().toString() : user.getIdentifier() + " (" + named + ")");
    }

    /** A type's name within its package, nested types as {@code Outer.Inner}. */
    private static String localName(JavaClass type) {
        return type.getName().substring(type.getPackageName().length() + 1).replace('$', '.');
    }

    private static String orNothing(Stream<String> names) {
        String joined = names.collect(Collectors.joining(", "));
        return joined.isEmpty() ? "nothing" : joined;
    }
}
