package io.newsroom.openapi;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Examples of the main shapes, from the seed page's story, kept in {@code openapi/examples.json}
 * (a JSON file is easier to read and to check than Java annotations). OpenApiIT validates each
 * against its schema and sends the request examples to the API, so an example cannot drift from the
 * code unnoticed.
 */
final class OpenApiExamples {

    static final String RESOURCE = "openapi/examples.json";
    private static final String NINJS_MEDIA_TYPE = "application/ninjs+json";

    private OpenApiExamples() {
    }

    @SuppressWarnings("unchecked")
    static void addTo(OpenAPI openApi) {
        Map<String, Object> examples = load();
        Map<String, Schema> schemas = openApi.getComponents().getSchemas();
        ((Map<String, Object>) examples.get("schemas")).forEach((name, example) -> {
            Schema<?> schema = schemas.get(name);
            if (schema == null) {
                // a renamed record: fail here, at start-up, rather than lose the example quietly
                throw new IllegalStateException(RESOURCE + " has an example for " + name + ", which is no schema of the API");
            }
            schema.setExample(example);
        });
        Object ninjs = examples.get("ninjs");
        openApi.getPaths().values().forEach(path -> path.readOperations().forEach(operation -> {
            if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
                MediaType body = operation.getRequestBody().getContent().get(NINJS_MEDIA_TYPE);
                if (body != null) {
                    body.setExample(ninjs);
                }
            }
            operation.getResponses().values().forEach(response -> {
                if (response.getContent() != null && response.getContent().get(NINJS_MEDIA_TYPE) != null) {
                    response.getContent().get(NINJS_MEDIA_TYPE).setExample(ninjs);
                }
            });
        }));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> load() {
        try (InputStream in = OpenApiExamples.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            // plain maps and lists: the OpenAPI model is written by swagger's own (Jackson 2) mapper
            return JsonMapper.builder().build().readValue(in, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
