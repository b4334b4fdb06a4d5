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

    @Bean
    OpenAPI newsroomOpenApi() {
        Schema<?> problem = new ObjectSchema()
                .description("RFC 9457 problem details; validation problems add errors[{field, message}]")
                .addProperty("type", new StringSchema())
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema());
        return new OpenAPI()
                .info(new Info().title("Newsroom API").version("1")
                        .description("Admin API (/api/admin, API key), content API (/api/content, public), feeds and sitemaps."))
                .components(new Components()
                        .addSecuritySchemes(SCHEME, new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("bearer")
                                .description("Authorization: Bearer <API key secret>"))
                        .addSchemas(PROBLEM, problem));
    }

    @Bean
    OpenApiCustomizer adminErrorsAndSecurity() {
        return openApi -> openApi.getPaths().forEach((path, item) -> {
            item.readOperationsMap().forEach((method, operation) -> {
                // every endpoint: the request guards (io.newsroom.request) and a database outage
                if (operation.getParameters() != null && !operation.getParameters().isEmpty()) {
                    problem(operation, "400", "Invalid request: a parameter that is not percent-encoded UTF-8, a single-valued"
                            + " parameter given twice, or a value out of range (errors[] names it)");
                }
                if (operation.getRequestBody() != null) {
                    problem(operation, "415", "The body's declared charset does not exist here (any real charset is decoded)");
                }
                problem(operation, "503", "The database cannot be reached; retry after the Retry-After header's seconds."
                        + " Public GETs held in the response cache are still answered, marked X-Newsroom-Stale");
            });
            if (!path.startsWith("/api/admin")) {
                return;
            }
            item.readOperationsMap().forEach((method, operation) -> {
                operation.addSecurityItem(new SecurityRequirement().addList(SCHEME));
                problem(operation, "400", "Invalid request (validation errors listed in errors[])");
                problem(operation, "401", "No or unknown API key");
                problem(operation, "403", "The key's role does not allow this");
                if (path.contains("{")) {
                    problem(operation, "404", "No such resource");
                }
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
