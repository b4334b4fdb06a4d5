package io.newsroom.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at /v3/api-docs: the bearer API key scheme on every admin operation and
 * the problem responses each can give, so client authors see the errors as well as the successes.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

    private static final String SCHEME = "apiKey";
    private static final String PROBLEM = "Problem";

    /**
     * Stable, unique operation ids, so that generated clients get methods named after what they do
     * (springdoc would name them after the Java methods: list, list_1, ... create_3). OpenApiIT fails
     * for an operation missing here.
     */
    static final Map<String, String> OPERATION_IDS = Map.ofEntries(
            Map.entry("GET /api/admin/articles", "listArticles"),
            Map.entry("POST /api/admin/articles", "createArticle"),
            Map.entry("GET /api/admin/articles/{id}", "getArticle"),
            Map.entry("PUT /api/admin/articles/{id}", "replaceArticle"),
            Map.entry("PATCH /api/admin/articles/{id}", "patchArticle"),
            Map.entry("DELETE /api/admin/articles/{id}", "deleteArticle"),
            Map.entry("POST /api/admin/articles/{id}/restore", "restoreArticle"),
            Map.entry("POST /api/admin/articles/{id}/submit", "submitArticle"),
            Map.entry("POST /api/admin/articles/{id}/publish", "publishArticle"),
            Map.entry("POST /api/admin/articles/{id}/unpublish", "unpublishArticle"),
            Map.entry("POST /api/admin/articles/{id}/archive", "archiveArticle"),
            Map.entry("POST /api/admin/articles/{id}/schedule", "scheduleArticle"),
            Map.entry("PUT /api/admin/articles/{id}/unpublish-at", "planArticleUnpublishing"),
            Map.entry("DELETE /api/admin/articles/{id}/unpublish-at", "cancelArticleUnpublishing"),
            Map.entry("GET /api/admin/articles/{id}/revisions", "listRevisions"),
            Map.entry("GET /api/admin/articles/{id}/revisions/{number}", "getRevision"),
            Map.entry("POST /api/admin/articles/{id}/revisions/{number}/restore", "restoreRevision"),
            Map.entry("GET /api/admin/articles/{id}/revisions/{from}/diff/{to}", "diffRevisions"),
            Map.entry("GET /api/admin/articles/{id}/related", "getReadAlso"),
            Map.entry("PUT /api/admin/articles/{id}/related", "replaceReadAlso"),
            Map.entry("GET /api/admin/articles/{id}/similar", "explainSimilarArticles"),
            Map.entry("GET /api/admin/articles/{id}/translations", "listTranslations"),
            Map.entry("GET /api/admin/articles/{id}/preview-links", "listPreviewLinks"),
            Map.entry("POST /api/admin/articles/{id}/preview-links", "createPreviewLink"),
            Map.entry("DELETE /api/admin/articles/{id}/preview-links/{linkId}", "revokePreviewLink"),
            Map.entry("PUT /api/admin/articles/{id}/translation-of", "linkTranslation"),
            Map.entry("DELETE /api/admin/articles/{id}/translation-of", "unlinkTranslation"),
            Map.entry("GET /api/admin/articles/{id}/story", "getStory"),
            Map.entry("PUT /api/admin/articles/{id}/story", "joinStory"),
            Map.entry("DELETE /api/admin/articles/{id}/story", "leaveStory"),
            Map.entry("GET /api/admin/stories", "listStories"),
            Map.entry("GET /api/admin/tags", "listTags"),
            Map.entry("POST /api/admin/tags", "createTag"),
            Map.entry("GET /api/admin/tags/{id}", "getTag"),
            Map.entry("PUT /api/admin/tags/{id}", "updateTag"),
            Map.entry("DELETE /api/admin/tags/{id}", "deleteTag"),
            Map.entry("POST /api/admin/tags/{id}/merge", "mergeTag"),
            Map.entry("GET /api/admin/authors", "listAuthors"),
            Map.entry("POST /api/admin/authors", "createAuthor"),
            Map.entry("GET /api/admin/authors/{id}", "getAuthor"),
            Map.entry("PUT /api/admin/authors/{id}", "updateAuthor"),
            Map.entry("DELETE /api/admin/authors/{id}", "deleteAuthor"),
            Map.entry("POST /api/admin/authors/{id}/merge", "mergeAuthor"),
            Map.entry("GET /api/admin/sources", "listSources"),
            Map.entry("POST /api/admin/sources", "createSource"),
            Map.entry("GET /api/admin/sources/{id}", "getSource"),
            Map.entry("PUT /api/admin/sources/{id}", "updateSource"),
            Map.entry("DELETE /api/admin/sources/{id}", "deleteSource"),
            Map.entry("GET /api/admin/sources/{sourceId}/feeds", "listFeeds"),
            Map.entry("POST /api/admin/sources/{sourceId}/feeds", "createFeed"),
            Map.entry("GET /api/admin/sources/{sourceId}/feeds/{feedId}", "getFeed"),
            Map.entry("PUT /api/admin/sources/{sourceId}/feeds/{feedId}", "updateFeed"),
            Map.entry("DELETE /api/admin/sources/{sourceId}/feeds/{feedId}", "deleteFeed"),
            Map.entry("POST /api/admin/sources/{sourceId}/feeds/{feedId}/poll", "pollFeed"),
            Map.entry("GET /api/admin/webhooks", "listWebhooks"),
            Map.entry("POST /api/admin/webhooks", "createWebhook"),
            Map.entry("GET /api/admin/webhooks/{id}", "getWebhook"),
            Map.entry("PUT /api/admin/webhooks/{id}", "updateWebhook"),
            Map.entry("DELETE /api/admin/webhooks/{id}", "deleteWebhook"),
            Map.entry("GET /api/admin/webhooks/{id}/deliveries", "listWebhookDeliveries"),
            Map.entry("POST /api/admin/webhooks/{id}/deliveries/{deliveryId}/redeliver", "redeliverWebhookDelivery"),
            Map.entry("GET /api/admin/api-keys", "listApiKeys"),
            Map.entry("POST /api/admin/api-keys", "createApiKey"),
            Map.entry("DELETE /api/admin/api-keys/{id}", "revokeApiKey"),
            Map.entry("PATCH /api/admin/api-keys/{id}", "assignApiKeyOwner"),
            Map.entry("GET /api/admin/me", "getCaller"),
            Map.entry("GET /api/admin/people", "listPeople"),
            Map.entry("GET /api/admin/people/{id}", "getPerson"),
            Map.entry("PATCH /api/admin/people/{id}", "changePerson"),
            Map.entry("GET /api/admin/audit", "listAuditEntries"),
            Map.entry("POST /api/admin/ingest/ninjs", "ingestNinjs"),
            Map.entry("POST /api/admin/ingest/bulk", "importBulk"),
            Map.entry("GET /api/content/articles", "listPublishedArticles"),
            Map.entry("GET /api/content/articles/{slug}", "getPublishedArticle"),
            Map.entry("GET /api/content/articles/{slug}/similar", "listSimilarArticles"),
            Map.entry("GET /api/content/search", "searchArticles"),
            Map.entry("GET /api/content/preview/{token}", "getArticlePreview"),
            Map.entry("GET /api/content/tags", "listPublicTags"),
            Map.entry("GET /api/content/tags/{slug}", "getPublicTag"),
            Map.entry("GET /api/content/authors", "listPublicAuthors"),
            Map.entry("GET /api/content/authors/{slug}", "getPublicAuthor"),
            Map.entry("GET /api/content/sources", "listPublicSources"),
            Map.entry("GET /api/content/sources/{slug}", "getPublicSource"),
            Map.entry("GET /feeds/rss.xml", "getRssFeed"),
            Map.entry("GET /feeds/atom.xml", "getAtomFeed"),
            Map.entry("GET /feeds/tags/{slug}/rss.xml", "getTagRssFeed"),
            Map.entry("GET /feeds/sources/{slug}/rss.xml", "getSourceRssFeed"),
            Map.entry("GET /feeds/authors/{slug}/rss.xml", "getAuthorRssFeed"),
            Map.entry("GET /feeds/authors/{slug}/atom.xml", "getAuthorAtomFeed"),
            Map.entry("GET /sitemap.xml", "getSitemap"),
            Map.entry("GET /sitemaps/articles-{part}.xml", "getSitemapPart"),
            Map.entry("GET /sitemap-news.xml", "getNewsSitemap"));

    @Bean
    OpenAPI newsroomOpenApi() {
        return new OpenAPI()
                // relative: the document is right for whatever host and port serve it (springdoc would
                // write the address of the first request, which a committed copy cannot match)
                .servers(List.of(new Server().url("/").description("This service")))
                .info(new Info().title("Newsroom API").version("1")
                        .description("Admin API (/api/admin, API key or the identity provider's access token), content API"
                                + " (/api/content, public), feeds and sitemaps."))
                .components(new Components()
                        .addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Authorization: Bearer <API key secret>, or Bearer <access token> (a JWT of the identity"
                                        + " provider NEWSROOM_OIDC_ISSUER_URI names, when set)")));
    }

    /** The problem body every error response refers to, added after springdoc has put in the schemas it found. */
    private static Schema<?> problemSchema() {
        Schema<?> fieldProblem = new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        return new ObjectSchema()
                .description("RFC 9457 problem details; validation problems add errors[{field, message}]")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema())
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldProblem));
    }

    @Bean
    OpenApiCustomizer adminErrorsAndSecurity() {
        return openApi -> {
            openApi.getComponents().addSchemas(PROBLEM, problemSchema());
            describeErrors(openApi);
            OpenApiExamples.addTo(openApi);
        };
    }

    private static void describeErrors(OpenAPI openApi) {
        openApi.getPaths().forEach((path, item) -> {
            item.readOperationsMap().forEach((method, operation) -> {
                // every endpoint: the request guards (io.newsroom.request) and a database outage
                problem(operation, "400", "Invalid request: a query parameter that is not percent-encoded UTF-8, a single-valued"
                        + " parameter given twice, or a value out of range (errors[] names it)");
                if (operation.getRequestBody() != null) {
                    problem(operation, "415", "The body's type is not one this operation reads, is a wildcard (*/*), or declares a"
                            + " charset that does not exist here (any real charset is decoded)");
                }
                problem(operation, "503", path.startsWith("/api/admin")
                        ? "The database cannot be reached, or the identity provider cannot be reached to fetch the key a token is"
                        + " signed with; retry after the Retry-After header's seconds"
                        : "The database cannot be reached, or more reads are waiting than this instance can answer in time (title"
                        + " \"Too busy\"); retry after the Retry-After header's seconds. Public GETs held in the response cache are"
                        + " still answered, marked X-Newsroom-Stale");
                if (path.contains("{")) {
                    problem(operation, "404", "No such resource");
                }
                String id = OPERATION_IDS.get(method.name() + " " + path);
                if (id != null) {
                    operation.setOperationId(id);
                }
            });
            if (!path.startsWith("/api/admin")) {
                // public: no credentials (an empty requirement, which generators read as "none")
                item.readOperations().forEach(operation -> operation.setSecurity(List.of(new SecurityRequirement())));
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
                problem(operation, "400", "Invalid request (validation errors listed in errors[])");
                problem(operation, "401", "No or unknown API key, or an access token that is not valid (the detail says why)");
                problem(operation, "403", "The role does not allow this, the token's roles claim maps to no role, or the person"
                        + " (or the key's owner) is deactivated");
                if (method != PathItem.HttpMethod.GET) {
                    problem(operation, "409", "Conflicts with the current state (transition not allowed, slug or name taken)");
                }
                if (path.equals("/api/admin/articles/{id}") && (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH)) {
                    problem(operation, "412", "If-Match is stale: the article changed; the body has currentVersion");
                    problem(operation, "428", "If-Match is missing");
                }
                if (path.startsWith("/api/admin/articles/{id}") && method != PathItem.HttpMethod.GET) {
                    problem(operation, "412", "If-Match was sent and names a version that is no longer the current one");
                }
            });
        });
    }

    private static void problem(Operation operation, String status, String description) {
        if (operation.getResponses().containsKey(status)) {
            return;
        }
        Content content = new Content().addMediaType("application/problem+json",
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
        operation.getResponses().addApiResponse(status, new ApiResponse().description(description).content(content));
    }

}
