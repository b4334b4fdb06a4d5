package io.newsroom.article.web;

import io.newsroom.article.Article;
import io.newsroom.article.ArticleStatus;
import io.newsroom.article.ArticleStories;
import io.newsroom.paging.Cursors;
import io.newsroom.paging.Page;
import io.newsroom.source.Source;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Stories as editors see them: one event told by several outlets, the lead (what readers see) first.
 * Editors merge two stories and split an article out of its story; the feed intake joins them itself.
 */
@RestController
@Tag(name = "Stories (admin)")
class StoryController {

    private final ArticleStories stories;
    private final Clock clock;
    private final TransactionTemplate transaction;

    StoryController(ArticleStories stories, Clock clock, PlatformTransactionManager transactionManager) {
        this.stories = stories;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactionManager);
    }

    /** The story to join: that of this article, whichever of its articles it is. */
    record JoinStoryRequest(@NotNull UUID storyOf) {
    }

    /** One telling of a story, in any state: editors see the whole story. */
    record StoryArticle(UUID id, String slug, String headline, ArticleStatus status, AdminArticleResponse.SourceRef source, String sourceUrl,
                        Instant publishedAt, boolean lead) {
    }

    /** A story: its lead, then the others by publication time. */
    record StoryView(UUID leadId, List<StoryArticle> articles) {
    }

    @GetMapping("/api/admin/stories")
    @Operation(summary = "Stories told by more than one article, the newest first (cursor paging)")
    Page<StoryView> list(@RequestParam(defaultValue = "" + Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
                         @RequestParam(required = false) String cursor) {
        Cursors.TimeAndId after = cursor == null ? null : Cursors.decodeTimeAndId(cursor);
        return transaction.execute(tx -> Page.of(stories.storiesOfSeveral(after, limit), limit,
                        story -> Cursors.encode(story.get(0).getCreatedAt(), story.get(0).getId()))
                .map(this::view));
    }

    @GetMapping("/api/admin/articles/{id}/story")
    @Operation(summary = "The story the article belongs to, its lead first (a story of one when it stands alone)")
    StoryView get(@PathVariable UUID id) {
        return transaction.execute(tx -> view(stories.story(id)));
    }

    @PutMapping("/api/admin/articles/{id}/story")
    @Operation(summary = "Merge the article's story into another's (EDITOR, ADMIN): the other story's lead leads them all")
    StoryView join(@PathVariable UUID id, @Valid @RequestBody JoinStoryRequest request) {
        return transaction.execute(tx -> {
            stories.join(id, request.storyOf(), "merged by an editor");
            return view(stories.story(id));
        });
    }

    @DeleteMapping("/api/admin/articles/{id}/story")
    @Operation(summary = "Split the article out of its story (EDITOR, ADMIN): it stands alone again; a leaving lead hands over to the next")
    StoryView split(@PathVariable UUID id) {
        return transaction.execute(tx -> {
            stories.split(id);
            return view(stories.story(id));
        });
    }

    private StoryView view(List<Article> story) {
        Instant now = clock.instant();
        UUID leadId = story.get(0).getId();
        return new StoryView(leadId, story.stream().map(a -> {
            Source s = a.getSource();
            return new StoryArticle(a.getId(), a.getSlug(), a.getHeadline(), a.effectiveStatus(now),
                    s == null ? null : new AdminArticleResponse.SourceRef(s.getId(), s.getName(), s.getSlug(), s.getUrl()), a.getSourceUrl(),
                    a.getPublishedAt(), a.getId().equals(leadId));
        }).toList());
    }
}
