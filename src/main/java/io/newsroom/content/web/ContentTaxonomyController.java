package io.newsroom.content.web;

import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicTaxonomy;
import io.newsroom.content.SiteProperties;
import io.newsroom.paging.Page;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.replica.ReaderTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Tags and sources (content)", description = "Tags and sources with their published-article counts")
class ContentTaxonomyController {

    private final ReaderTransactions readers;
    private final PublicTaxonomy taxonomy;
    private final ContentCaching caching;

    ContentTaxonomyController(ReaderTransactions readers, PublicTaxonomy taxonomy, ContentCaching caching) {
        this.readers = readers;
        this.taxonomy = taxonomy;
        this.caching = caching;
    }

    @GetMapping("/api/content/tags")
    @Operation(summary = "Tags that have published articles, by name, with counts")
    ResponseEntity<Page<PublicTaxonomy.PublicTag>> tags(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                                       @RequestParam(required = false) String cursor) {
        return readers.read(() -> {
            Page<PublicTaxonomy.PublicTag> page = taxonomy.tags(limit, cursor);
            List<String> keys = new ArrayList<>(List.of("tags"));
            page.items().forEach(t -> keys.add("tag-" + t.id()));
            return caching.ok(page, null, keys);
        });
    }

    @GetMapping("/api/content/tags/{slug}")
    @Operation(summary = "One tag by slug; the slug of a tag merged into another answers 301")
    ResponseEntity<PublicTaxonomy.PublicTag> tag(@PathVariable String slug) {
        return readers.read(() -> {
            PublicTaxonomy.TagLookup lookup = taxonomy.tag(slug);
            if (lookup.tag().isPresent()) {
                return caching.ok(lookup.tag().get(), null, List.of("tag-" + lookup.tag().get().id()));
            }
            String movedTo = lookup.movedTo().orElseThrow(() -> new NotFoundProblem("No tag with slug " + slug));
            return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/api/content/tags/" + SiteProperties.encode(movedTo))).build();
        });
    }

    @GetMapping("/api/content/sources")
    @Operation(summary = "Sources that have published articles, by name, with counts")
    ResponseEntity<Page<PublicTaxonomy.PublicSource>> sources() {
        return readers.read(() -> {
            List<PublicTaxonomy.PublicSource> sources = taxonomy.sources();
            List<String> keys = new ArrayList<>(List.of("sources"));
            sources.forEach(s -> keys.add("source-" + s.id()));
            return caching.ok(new Page<>(sources, null), null, keys);
        });
    }

    @GetMapping("/api/content/sources/{slug}")
    @Operation(summary = "One source by slug")
    ResponseEntity<PublicTaxonomy.PublicSource> source(@PathVariable String slug) {
        return readers.read(() -> {
            PublicTaxonomy.PublicSource source = taxonomy.source(slug).orElseThrow(() -> new NotFoundProblem("No source with slug " + slug));
            return caching.ok(source, null, List.of("source-" + source.id()));
        });
    }
}
