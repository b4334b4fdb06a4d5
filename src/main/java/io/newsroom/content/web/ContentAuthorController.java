package io.newsroom.content.web;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicAuthors;
import io.newsroom.content.SiteProperties;
import io.newsroom.paging.Page;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.replica.ReaderTransactions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authors (content)", description = "Authors with published articles: list and profile; their articles are /api/content/articles?author=")
class ContentAuthorController {

    /** An author's profile, plus schema.org Person data to embed as JSON-LD on the author's page. */
    record AuthorView(@JsonUnwrapped PublicAuthors.PublicAuthor author, Map<String, Object> structuredData) {

        static AuthorView of(PublicAuthors.PublicAuthor author) {
            Map<String, Object> person = new LinkedHashMap<>();
            person.put("@context", "https://schema.org");
            person.put("@type", "Person");
            person.put("name", author.name());
            person.put("url", author.url());
            if (author.bio() != null) {
                person.put("description", author.bio());
            }
            if (author.image() != null) {
                person.put("image", author.image());
            }
            if (!author.links().isEmpty()) {
                person.put("sameAs", author.links());
            }
            return new AuthorView(author, person);
        }
    }

    private final ReaderTransactions readers;
    private final PublicAuthors authors;
    private final ContentCaching caching;

    ContentAuthorController(ReaderTransactions readers, PublicAuthors authors, ContentCaching caching) {
        this.readers = readers;
        this.authors = authors;
        this.caching = caching;
    }

    @GetMapping("/api/content/authors")
    @Operation(summary = "Authors credited by published articles, by name, with counts")
    ResponseEntity<Page<PublicAuthors.PublicAuthor>> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                                                         @RequestParam(required = false) String cursor) {
        Page<PublicAuthors.PublicAuthor> page = authors.list(limit, cursor);
        List<String> keys = new ArrayList<>(List.of("authors"));
        page.items().forEach(a -> keys.add(ContentCaching.authorKey(a.id())));
        return caching.ok(page, null, keys);
    }

    @GetMapping("/api/content/authors/{slug}")
    @Operation(summary = "One author's profile by slug (only authors with published articles), with schema.org Person data;"
            + " a former slug answers 301")
    ResponseEntity<AuthorView> author(@PathVariable String slug, HttpServletRequest request) {
        return readers.read(() -> {
            PublicAuthors.AuthorLookup lookup = authors.author(slug);
            if (lookup.author().isPresent()) {
                PublicAuthors.PublicAuthor author = lookup.author().get();
                if (!author.slug().equals(slug)) {
                    return moved(author.slug(), request); // a variant spelling: the canonical URL
                }
                return caching.ok(AuthorView.of(author), null, List.of(ContentCaching.authorKey(author.id())));
            }
            String movedTo = lookup.movedTo().orElseThrow(() -> new NotFoundProblem("No author with slug " + slug));
            return moved(movedTo, request);
        });
    }

    private static <T> ResponseEntity<T> moved(String slug, HttpServletRequest request) {
        String query = request.getQueryString() == null ? "" : "?" + request.getQueryString();
        return ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY).location(URI.create("/api/content/authors/" + SiteProperties.encode(slug) + query))
                .build();
    }
}
