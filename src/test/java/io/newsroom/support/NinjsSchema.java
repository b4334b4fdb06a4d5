package io.newsroom.support;

import io.newsroom.problem.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The IPTC ninjs 2.2 schema (src/main/resources/ninjs, copied from shared/standards), for checking what the service writes. */
public final class NinjsSchema {

    private NinjsSchema() {
    }

    public static List<FieldProblem> validate(JsonNode document) {
        return io.newsroom.ingest.NinjsSchema.violations(document);
    }

    public static String resource(String path) {
        try (InputStream in = NinjsSchema.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
