package io.newsroom.ingest;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newsroom.problem.FieldProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The IPTC ninjs 2.2 schema, loaded from the classpath (never fetched from the network). */
public final class NinjsSchema {

    private static final String NINJS_ID = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
    private static final Schema SCHEMA = load();

    private NinjsSchema() {
    }

    /** What is wrong with {@code document}, one entry per violation, field named by its JSON path; empty when valid. */
    public static List<FieldProblem> violations(JsonNode document) {
        return SCHEMA.validate(document).stream()
                .map(error -> new FieldProblem(error.getInstanceLocation().toString(), error.getMessage()))
                .toList();
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(
                NINJS_ID, resource("ninjs/ninjs-schema_2.2.json"),
                "https://geojson.org/schema/GeoJSON.json", resource("ninjs/GeoJSON-schema.json"))));
        return registry.getSchema(SchemaLocation.of(NINJS_ID));
    }

    private static String resource(String path) {
        try (InputStream in = NinjsSchema.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
