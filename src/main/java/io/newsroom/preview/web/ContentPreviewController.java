package io.newsroom.preview.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsroom.content.PublicArticle;
import io.newsroom.content.PublicArticleSummary;
import io.newsroom.preview.Previews;
import io.newsroom.problem.NotFoundProblem;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Articles (content)")
class ContentPreviewController {

    /** The article as the content API gives a published one, with its similar list and the link's expiry. */
    record PreviewView(@JsonUnwrapped PublicArticle article, Map<String, Object> structuredData, List<PublicArticleSummary> similar,
                       Instant previewExpiresAt) {
    }

    private final Previews previews;

    ContentPreviewController(Previews previews) {
        this.previews = previews;
    }

    @GetMapping("/api/content/preview/{token}")
    @Operation(summary = "The article behind a preview link, as readers would see it if it were published now",
            description = "Private (Cache-Control: private, no-store; X-Robots-Tag: noindex; Referrer-Policy: no-referrer)."
                    + " An unknown, expired or revoked token is 404.")
    PreviewView preview(@PathVariable String token) {
        Previews.Preview preview = previews.byToken(token).orElseThrow(() -> new NotFoundProblem("No preview at this address"));
        return new PreviewView(preview.article(), preview.structuredData(),
                preview.similar().stream().map(PublicArticleSummary::of).toList(), preview.link().expiresAt());
    }
}
