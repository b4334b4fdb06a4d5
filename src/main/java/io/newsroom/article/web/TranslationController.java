package io.newsroom.article.web;

import io.newsroom.article.Article;
import io.newsroom.article.ArticleService;
import io.newsroom.article.ArticleETags;
import io.newsroom.article.ArticleStatus;
import io.newsroom.article.ArticleTranslations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/admin/articles/{id}")
@Tag(name = "Articles (admin)")
class TranslationController {

    private final ArticleTranslations translations;
    private final ArticleService articles;
    private final Clock clock;
    private final TransactionTemplate transaction;

    TranslationController(ArticleTranslations translations, ArticleService articles, Clock clock, PlatformTransactionManager transactionManager) {
        this.translations = translations;
        this.articles = articles;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The original the article translates. */
    record TranslationOfRequest(@NotNull UUID id) {
    }

    /** One article of a translation group, in any state: editors see the whole group. */
    record TranslationMember(UUID id, String language, String slug, String headline, ArticleStatus status, boolean original) {
    }

    record TranslationList(List<TranslationMember> items) {
    }

    @GetMapping("/translations")
    @Operation(summary = "The article's translation group, the original first (empty when it has none)")
    TranslationList list(@PathVariable UUID id) {
        return transaction.execute(tx -> new TranslationList(translations.group(id).stream()
                .map(a -> new TranslationMember(a.getId(), a.getLanguage(), a.getSlug(), a.getHeadline(), a.effectiveStatus(clock.instant()),
                        a.getId().equals(a.getTranslationGroup())))
                .toList()));
    }

    @PutMapping("/translation-of")
    @Operation(summary = "Link the article as a translation of another (EDITOR, ADMIN): at most one article per language in a group")
    ResponseEntity<AdminArticleResponse> link(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                              @Valid @RequestBody TranslationOfRequest request) {
        return respond(() -> translations.link(id, request.id(), IfMatch.optional(ifMatch, () -> translations.version(id))));
    }

    @DeleteMapping("/translation-of")
    @Operation(summary = "Take the article out of its translation group (EDITOR, ADMIN)")
    ResponseEntity<AdminArticleResponse> unlink(@PathVariable UUID id, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        return respond(() -> translations.unlink(id, IfMatch.optional(ifMatch, () -> translations.version(id))));
    }

    private ResponseEntity<AdminArticleResponse> respond(Supplier<Article> change) {
        AdminArticleResponse article = transaction.execute(tx -> {
            Article changed = change.get();
            return AdminArticleResponse.of(changed, articles.readAlsoShown(changed), clock.instant());
        });
        return ResponseEntity.ok().eTag(ArticleETags.of(article.version())).body(article);
    }
}
