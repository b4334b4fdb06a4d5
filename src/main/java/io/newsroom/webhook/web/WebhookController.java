package io.newsroom.webhook.web;

import io.newsroom.text.CleanText;
import io.newsroom.paging.Page;
import io.newsroom.validation.HttpUrl;
import io.newsroom.webhook.WebhookDelivery;
import io.newsroom.webhook.WebhookService;
import io.newsroom.webhook.WebhookSubscription;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/webhooks")
@Tag(name = "Webhooks (admin)", description = "Signed notifications of published, updated, unpublished and deleted articles")
class WebhookController {

    /** {@code secret} absent: one is generated and returned once. {@code active} absent: true. */
    record WebhookRequest(@NotBlank @HttpUrl String url,
                          @NotEmpty @Size(max = 10) List<@NotBlank String> events,
                          @Size(min = 16, max = 200) String secret,
                          Boolean active) {

        WebhookRequest {
            url = CleanText.line(url);
            events = events == null ? null : events.stream().map(CleanText::name).toList();
        }

        boolean isActive() {
            return active == null || active;
        }
    }

    record WebhookResponse(UUID id, String url, List<String> events, boolean active, String disabledReason,
                           Instant createdAt, Instant updatedAt, String secret) {

        static WebhookResponse of(WebhookSubscription s, String secret) {
            return new WebhookResponse(s.id(), s.url(), s.events(), s.active(), s.disabledReason(), s.createdAt(), s.updatedAt(), secret);
        }
    }

    private final WebhookService webhooks;

    WebhookController(WebhookService webhooks) {
        this.webhooks = webhooks;
    }

    @PostMapping
    @Operation(summary = "Subscribe a URL to events; the signing secret is returned this once")
    ResponseEntity<WebhookResponse> create(@Valid @RequestBody WebhookRequest request) {
        WebhookService.WithSecret created = webhooks.create(request.url(), request.events(), request.secret(), request.isActive());
        return ResponseEntity.created(URI.create("/api/admin/webhooks/" + created.subscription().id()))
                .body(WebhookResponse.of(created.subscription(), created.secret()));
    }

    @GetMapping
    @Operation(summary = "List subscriptions (secrets are never listed)")
    Page<WebhookResponse> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                               @RequestParam(required = false) String cursor) {
        return webhooks.list(cursor, limit).map(s -> WebhookResponse.of(s, null));
    }

    @GetMapping("/{id}")
    @Operation(summary = "Get a subscription")
    WebhookResponse get(@PathVariable UUID id) {
        return WebhookResponse.of(webhooks.get(id), null);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace url, events and active flag; a secret, if sent, replaces the current one")
    WebhookResponse update(@PathVariable UUID id, @Valid @RequestBody WebhookRequest request) {
        return WebhookResponse.of(webhooks.update(id, request.url(), request.events(), request.secret(), request.isActive()), null);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a subscription and its delivery log")
    ResponseEntity<Void> delete(@PathVariable UUID id) {
        webhooks.delete(id);
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "Deliveries of a subscription, newest first: event, delivery id, status, attempts, last status code and error")
    Page<WebhookDelivery> deliveries(@PathVariable UUID id,
                                     @RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                     @RequestParam(required = false) String cursor) {
        return webhooks.deliveries(id, cursor, limit);
    }

    @PostMapping("/{id}/deliveries/{deliveryId}/redeliver")
    @Operation(summary = "Send a delivery again, with the same delivery id (after a receiver was fixed)")
    ResponseEntity<WebhookDelivery> redeliver(@PathVariable UUID id, @PathVariable UUID deliveryId) {
        return ResponseEntity.accepted().body(webhooks.redeliver(id, deliveryId));
    }
}
