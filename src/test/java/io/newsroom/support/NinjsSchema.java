package io.newsroom.support;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** The IPTC ninjs 2.2 schema (test resources, copied from shared/standards), loaded without network access. */
public final class NinjsSchema {

    private static final String NINJS_ID = "http://www.iptc.org/std/ninjs/ninjs-schema_2.2.json";
    private static final Schema SCHEMA = load();

    private NinjsSchema() {
    }

    public static List<Error> validate(JsonNode document) {
        return SCHEMA.validate(document);
    }

    private static Schema load() {
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder.schemas(Map.of(
                NINJS_ID, resource("ninjs/ninjs-schema_2.2.json"),
                "https://geojson.org/schema/GeoJSON.json", resource("ninjs/GeoJSON-schema.json"))));
        return registry.getSchema(SchemaLocation.of(NINJS_ID));
    }

    public static String resource(String path) {
        try (InputStream in = NinjsSchema.class.getClassLoader().getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
