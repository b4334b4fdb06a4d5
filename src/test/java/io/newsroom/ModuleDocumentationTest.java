package io.newsroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.Options;

/**
 * The module documentation in docs/modules is written from the code, so it cannot drift: Spring
 * Modulith's Documenter gives the component diagrams and module canvases, and {@link ModuleMap} lists
 * what each module declares it may use and what each named interface holds (which the canvases do not
 * show). This test writes it all afresh and fails when the committed files differ, naming the command
 * that brings them up to date.
 */
class ModuleDocumentationTest {

    static final Path COMMITTED = Path.of("docs/modules");
    static final Path GENERATED = Path.of("target/module-docs");
    static final String WRITE_PROPERTY = "newsroom.module-docs.write";
    static final String MODULE_MAP = "modules.md";
    static final String REGENERATE = "./mvnw -B test -Dtest=ModuleDocumentationTest -D" + WRITE_PROPERTY + "=true";
    /** Written by hand beside the generated files. */
    static final Set<String> HANDWRITTEN = Set.of("README.md");

    @Test
    void committedModuleDocumentationIsCurrent() throws IOException {
        writeDocumentation();
        Map<String, String> generated = read(GENERATED);

        if (Boolean.getBoolean(WRITE_PROPERTY)) {
            replaceCommitted(generated);
        }

        Map<String, String> committed = read(COMMITTED);
        Set<String> differing = new TreeSet<>(generated.keySet());
        differing.addAll(committed.keySet());
        differing.removeIf(name -> generated.get(name) != null && generated.get(name).equals(committed.get(name)));

        assertThat(differing)
                .as("files of %s that differ from what the code gives (the module structure changed): run %s and commit %s",
                        COMMITTED, REGENERATE, COMMITTED)
                .isEmpty();
    }

    /**
     * Diagrams of all modules and of each with its neighbours, a canvas per module and all-docs.adoc
     * that gathers them. Not {@code writeDocumentation()}: that also writes Modulith's runtime metadata
     * into target/classes, which the service does not use.
     */
    private static void writeDocumentation() throws IOException {
        new Documenter(ModularityTest.MODULES, Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml()
                .writeModuleCanvases()
                .writeAggregatingDocument();
        for (Map.Entry<String, String> file : read(GENERATED).entrySet()) {
            if (file.getKey().endsWith(".puml")) {
                Files.writeString(GENERATED.resolve(file.getKey()), inStableOrder(file.getValue()));
            }
        }
        Files.writeString(GENERATED.resolve(MODULE_MAP), ModuleMap.of(ModularityTest.MODULES, REGENERATE));
    }

    /**
     * The Documenter writes a diagram's relationships in an order that changes from one run to the
     * next; sorted, the same structure always gives the same file.
     */
    static String inStableOrder(String diagram) {
        List<String> lines = new ArrayList<>(diagram.lines().toList());
        int start = 0;
        while (start < lines.size()) {
            int end = start;
            while (end < lines.size() && lines.get(end).startsWith("Rel(")) {
                end++;
            }
            Collections.sort(lines.subList(start, end));
            start = end + 1;
        }
        return String.join("\n", lines) + "\n";
    }

    private static void replaceCommitted(Map<String, String> generated) throws IOException {
        Files.createDirectories(COMMITTED);
        for (String stale : read(COMMITTED).keySet()) {
            Files.delete(COMMITTED.resolve(stale));
        }
        for (Map.Entry<String, String> file : generated.entrySet()) {
            Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
        }
    }

    /** The generated files of a folder by name (flat, as the Documenter writes them), handwritten ones left out. */
    private static Map<String, String> read(Path folder) throws IOException {
        Map<String, String> files = new TreeMap<>();
        if (!Files.isDirectory(folder)) {
            return files;
        }
        try (Stream<Path> listed = Files.list(folder)) {
            for (Path file : listed.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                if (!HANDWRITTEN.contains(name)) {
                    files.put(name, Files.readString(file));
                }
            }
        }
        return files;
    }
}
