package io.newsroom.intake;

import io.newsroom.article.ArticleRequest;
import io.newsroom.article.ArticleStatus;
import io.newsroom.ingest.IngestDocument;
import io.newsroom.ingest.IngestService;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.story.StoryIndex;
import io.newsroom.story.StoryProperties;
import io.newsroom.story.StorySignature;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A feed item seen for the first time becomes an article, unless it tells a story already published
 * in the window: then it joins that story ({@link StoryIndex}), and readers see the story once, with
 * this outlet among those that also reported it.
 */
@Component
class StoryIntake {

    /** What became of a new item: its ingest result, and whether it joined a story already told. */
    record Created(IngestService.Result result, boolean joinedStory) {
    }

    private final StoryIndex stories;
    private final IngestService ingest;
    private final StoryProperties properties;
    private final Clock clock;

    StoryIntake(StoryIndex stories, IngestService ingest, StoryProperties properties, Clock clock) {
        this.stories = stories;
        this.ingest = ingest;
        this.properties = properties;
        this.clock = clock;
    }

    Created create(IngestDocument document) {
        if (!properties.enabled()) {
            return new Created(ingest.ingest(document), false);
        }
        ArticleRequest content = document.content();
        StorySignature signature = stories.signature(content.headline(), content.excerpt(), content.bodyHtml());
        Optional<StoryIndex.Match> match = stories.find(signature);
        IngestService.Result result;
        try {
            result = ingest.ingest(document, match.map(m -> new IngestService.StoryToJoin(m.articleId(),
                    String.format(Locale.ROOT, "same story as %s: similarity %.2f", m.articleId(), m.similarity()))).orElse(null));
        } catch (NotFoundProblem | ConflictProblem storyChanged) {
            if (match.isEmpty()) {
                throw storyChanged;
            }
            // The story was deleted or reshaped after this instance last heard of it (the whole
            // transaction rolled back): the item stands alone rather than being lost.
            stories.forget(match.get().articleId());
            match = Optional.empty();
            result = ingest.ingest(document);
        }
        boolean created = result.outcome() == IngestService.Outcome.CREATED;
        if (created && result.status() == ArticleStatus.PUBLISHED) {
            stories.add(result.articleId(), match.map(StoryIndex.Match::leadId).orElse(result.articleId()),
                    document.publishedAt() == null ? clock.instant() : document.publishedAt(), signature);
        }
        return new Created(result, created && match.isPresent());
    }
}
