package io.newsroom.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.newsroom.ingest.NinjsSchema;
import io.newsroom.support.Api;
import java.util.Map;
import java.util.UUID;

class OpenApiIT extends IntegrationTest {

    @Test
    void everyAdminEndpointIsDocumentedWithItsSecurity() {
        JsonNode doc = api.get("/v3/api-docs").json();
        List<String> paths = new ArrayList<>();
        doc.get("paths").propertyNames().forEach(paths::add);
        assertThat(paths).contains(
                "/api/admin/articles", "/api/admin/articles/{id}", "/api/admin/articles/{id}/submit",
                "/api/admin/articles/{id}/publish", "/api/admin/articles/{id}/unpublish", "/api/admin/articles/{id}/archive",
                "/api/admin/articles/{id}/schedule", "/api/admin/articles/{id}/restore", "/api/admin/articles/{id}/revisions",
                "/api/admin/articles/{id}/revisions/{number}", "/api/admin/articles/{id}/revisions/{number}/restore",
                "/api/admin/articles/{id}/related", "/api/admin/tags", "/api/admin/tags/{id}", "/api/admin/tags/{id}/merge",
                "/api/admin/sources", "/api/admin/sources/{id}", "/api/admin/api-keys", "/api/admin/api-keys/{id}", "/api/admin/audit",
                "/api/admin/ingest/ninjs", "/api/admin/ingest/bulk", "/api/admin/webhooks", "/api/admin/webhooks/{id}",
                "/api/admin/webhooks/{id}/deliveries", "/api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver",
                "/api/admin/articles/{id}/similar", "/api/content/articles/{slug}/similar");
        assertThat(doc.get("paths").get("/api/admin/ingest/bulk").get("post").get("requestBody").get("content").propertyNames())
                .contains("application/x-ndjson");
        assertThat(doc.get("components").get("securitySchemes").get("apiKey").get("scheme").asString()).isEqualTo("bearer");
        JsonNode publish = doc.get("paths").get("/api/admin/articles/{id}/publish").get("post");
        assertThat(publish.get("summary").asString()).isNotBlank();
        assertThat(publish.get("responses").propertyNames()).contains("401", "403", "404", "409");
        assertThat(doc.get("paths").get("/api/admin/articles/{id}").get("put").get("responses").propertyNames()).contains("412", "428");
    }

    @Test
    void theDocumentIsWholeEveryRefResolvesAndEveryOperationHasAStableUniqueId() {
        JsonNode doc = api.get("/v3/api-docs").json();
        List<String> refs = new ArrayList<>();
        collectRefs(doc, refs);
        assertThat(refs).isNotEmpty();
        for (String ref : refs) {
            assertThat(ref).startsWith("#/components/schemas/");
            assertThat(doc.get("components").get("schemas").has(ref.substring("#/components/schemas/".length()))).as(ref + " resolves").isTrue();
        }
        List<String> ids = new ArrayList<>();
        doc.get("paths").properties().forEach(path -> path.getValue().properties().forEach(operation -> {
            String where = operation.getKey().toUpperCase() + " " + path.getKey();
            JsonNode op = operation.getValue();
            assertThat(op.has("operationId")).as(where).isTrue();
            ids.add(op.get("operationId").asString());
            assertThat(op.get("operationId").asString()).as(where + ": named by OpenApiConfiguration.OPERATION_IDS, not by springdoc")
                    .doesNotContainPattern("_\\d+$");
            assertThat(op.has("security")).as(where + ": security stated (empty for public operations)").isTrue();
            assertThat(op.get("responses").propertyNames()).as(where).anyMatch(code -> code.startsWith("4")).contains("503");
        }));
        assertThat(ids).doesNotHaveDuplicates().contains("createArticle", "publishArticle", "getPublishedArticle", "listPublishedArticles");
        JsonNode bySlug = doc.get("paths").get("/api/content/articles/{slug}").get("get").get("responses");
        assertThat(bySlug.get("200").get("content").propertyNames()).contains("application/json", "application/ninjs+json");
        assertThat(bySlug.get("200").get("content").get("application/json").get("schema").get("$ref").asString()).endsWith("/ArticleView");
        assertThat(bySlug.propertyNames()).contains("301", "304", "404");
    }

    /**
     * The committed description (src/test/resources/openapi/newsroom-api.json) is what the build
     * generates the client of GeneratedClientIT from: it must be the one the service serves. When the
     * API changes on purpose, copy target/openapi/newsroom-api.json (written here) over it.
     */
    @Test
    void theCommittedDescriptionTheClientIsGeneratedFromIsTheOneServed() throws Exception {
        JsonNode live = api.get("/v3/api-docs").json();
        java.nio.file.Path written = java.nio.file.Path.of("target/openapi/newsroom-api.json");
        java.nio.file.Files.createDirectories(written.getParent());
        json.writerWithDefaultPrettyPrinter().writeValue(written.toFile(), live);
        JsonNode committed = json.readTree(java.nio.file.Path.of("src/test/resources/openapi/newsroom-api.json").toFile());
        assertThat(live).as("the served description differs from the committed one; copy " + written + " over it").isEqualTo(committed);
    }

    /** Each example is valid against its schema in the served document (JSON Schema 2020-12, as OpenAPI 3.1 defines). */
    @Test
    void everyExampleIsValidAgainstItsSchema() {
        JsonNode doc = api.get("/v3/api-docs").json();
        String id = "urn:newsroom:openapi";
        SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                builder -> builder.schemas(Map.of(id, doc.toString())));
        List<String> checked = new ArrayList<>();
        doc.get("components").get("schemas").properties().forEach(entry -> {
            if (entry.getValue().has("example")) {
                Schema schema = registry.getSchema(SchemaLocation.of(id + "#/components/schemas/" + entry.getKey()));
                JsonNode example = entry.getValue().get("example");
                assertThat(schema.validate(example)).as(entry.getKey() + "'s example").isEmpty();
                // a misspelt property would pass a schema that allows others: name only declared ones
                assertThat(entry.getValue().get("properties").propertyNames()).as(entry.getKey()).containsAll(example.propertyNames());
                checked.add(entry.getKey());
            }
        });
        assertThat(checked).contains("ArticleRequest", "ArticleView", "PublicArticleSummary", "SourceRequest", "TagRequest", "Problem");
        JsonNode ninjs = doc.get("paths").get("/api/admin/ingest/ninjs").get("post").get("requestBody").get("content")
                .get("application/ninjs+json").get("example");
        assertThat(NinjsSchema.violations(ninjs)).isEmpty();
    }

    /** The request examples are what the API accepts: a client author can paste them. */
    @Test
    void theRequestExamplesAreAcceptedByTheApi() {
        JsonNode schemas = api.get("/v3/api-docs").json().get("components").get("schemas");
        ObjectNode source = (ObjectNode) schemas.get("SourceRequest").get("example").deepCopy();
        source.put("name", source.get("name").asString() + " " + UUID.randomUUID());
        Api admin = api.as(adminKey);
        Api.Result createdSource = admin.post("/api/admin/sources", source);
        assertThat(createdSource.status()).as(createdSource.body()).isEqualTo(201);
        ObjectNode tag = (ObjectNode) schemas.get("TagRequest").get("example").deepCopy();
        tag.put("name", tag.get("name").asString() + " " + UUID.randomUUID());
        assertThat(admin.post("/api/admin/tags", tag).status()).isEqualTo(201);
        ObjectNode article = (ObjectNode) schemas.get("ArticleRequest").get("example").deepCopy();
        article.put("sourceId", createdSource.json().get("id").asString());
        Api.Result createdArticle = admin.post("/api/admin/articles", article);
        assertThat(createdArticle.status()).as(createdArticle.body()).isEqualTo(201);
        assertThat(createdArticle.json().get("tags")).hasSize(4);
        assertThat(admin.post("/api/admin/api-keys", schemas.get("KeyRequest").get("example")).status()).isEqualTo(201);
        JsonNode ninjs = api.get("/v3/api-docs").json().get("paths").get("/api/admin/ingest/ninjs").get("post").get("requestBody")
                .get("content").get("application/ninjs+json").get("example");
        Api.Result ingested = admin.send("POST", "/api/admin/ingest/ninjs", "application/ninjs+json", ninjs);
        assertThat(ingested.status()).as(ingested.body()).isIn(200, 201);
    }

    private static void collectRefs(JsonNode node, List<String> refs) {
        if (node.isObject()) {
            node.properties().forEach(entry -> {
                if (entry.getKey().equals("$ref")) {
                    refs.add(entry.getValue().asString());
                } else {
                    collectRefs(entry.getValue(), refs);
                }
            });
        } else if (node.isArray()) {
            node.forEach(child -> collectRefs(child, refs));
        }
    }
}
