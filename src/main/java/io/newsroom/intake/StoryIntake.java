package io.newsroom.intake;

import io.newsroom.article.Announcing;
import io.newsroom.article.ArticleRequest;
import io.newsroom.article.ArticleStatus;
import io.newsroom.ingest.IngestDocument;
import io.newsroom.ingest.IngestService;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.DatabaseUnavailable;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.story.StoryIndex;
import io.newsroom.story.StoryProperties;
import io.newsroom.story.StorySignature;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;

/**
 * The items of a poll seen for the first time become articles. One that tells a story already
 * published in the window joins that story ({@link StoryIndex}), so readers see the story once with
 * this outlet among those that also reported it; the others are written together, in one
 * transaction with batched inserts (what a poll's twenty new items cost is then mostly PostgreSQL's
 * work, not round trips), and announced like any publication.
 */
@Component
class StoryIntake {

    /** What became of one new item: its ingest result and whether it joined a story told before, or why it failed. */
    record Created(IngestDocument document, IngestService.Result result, boolean joinedStory, RuntimeException failure) {

        static Created failed(IngestDocument document, RuntimeException failure) {
            return new Created(document, null, false, failure);
        }
    }

    private record Fresh(IngestDocument document, StorySignature signature) {
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

    /** Creates these new items' articles; a database outage ends the whole poll (nothing of it is remembered). */
    List<Created> create(List<IngestDocument> documents) {
        List<Created> done = new ArrayList<>();
        List<Fresh> together = new ArrayList<>();
        List<Fresh> afterThem = new ArrayList<>();
        for (IngestDocument document : documents) {
            ArticleRequest content = document.content();
            Fresh fresh = new Fresh(document, stories.signature(content.headline(), content.excerpt(), content.bodyHtml()));
            Optional<StoryIndex.Match> match = properties.enabled() ? stories.find(fresh.signature()) : Optional.empty();
            if (match.isPresent()) {
                done.add(one(fresh, match));
            } else if (properties.enabled() && together.stream().anyMatch(other -> sameStory(fresh, other))) {
                afterThem.add(fresh); // one outlet telling a story twice in one poll: the second joins the first, once it exists
            } else {
                together.add(fresh);
            }
        }
        done.addAll(all(together));
        for (Fresh fresh : afterThem) {
            done.add(one(fresh, stories.find(fresh.signature())));
        }
        return done;
    }

    private boolean sameStory(Fresh one, Fresh other) {
        return stories.sameStory(one.signature(), other.signature());
    }

    /** Written together; if that fails (a constraint no check foresaw), one by one, so only the bad item fails. */
    private List<Created> all(List<Fresh> together) {
        if (together.isEmpty()) {
            return List.of();
        }
        List<IngestDocument> documents = together.stream().map(Fresh::document).toList();
        List<IngestService.Result> results;
        try {
            ingest.createTagsAndSources(documents);
            results = ingest.createAll(documents, Announcing.EACH_CHANGE);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            return together.stream().map(fresh -> one(fresh, Optional.empty())).toList();
        }
        List<Created> created = new ArrayList<>(together.size());
        for (int i = 0; i < together.size(); i++) {
            remember(together.get(i), results.get(i), Optional.empty());
            created.add(new Created(together.get(i).document(), results.get(i), false, null));
        }
        return created;
    }

    private Created one(Fresh fresh, Optional<StoryIndex.Match> match) {
        try {
            IngestService.Result result;
            try {
                result = ingestOnce(fresh, match);
            } catch (NotFoundProblem | ConflictProblem storyChanged) {
                if (match.isEmpty()) {
                    throw storyChanged;
                }
                // The story was deleted or reshaped after this instance last heard of it (the whole
                // transaction rolled back): the item stands alone rather than being lost.
                stories.forget(match.get().articleId());
                match = Optional.empty();
                result = ingestOnce(fresh, match);
            }
            remember(fresh, result, match);
            return new Created(fresh.document(), result, match.isPresent() && result.outcome() == IngestService.Outcome.CREATED, null);
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                throw e;
            }
            return Created.failed(fresh.document(), e);
        }
    }

    /**
     * One item in its own transaction, tried a second time when another transaction took the same
     * unique key a moment before (two outlets' headlines that make one slug, written side by side):
     * the second attempt sees it and picks another.
     */
    private IngestService.Result ingestOnce(Fresh fresh, Optional<StoryIndex.Match> match) {
        IngestService.StoryToJoin story = match.map(m -> new IngestService.StoryToJoin(m.articleId(),
                String.format(Locale.ROOT, "same story as %s: similarity %.2f", m.articleId(), m.similarity()))).orElse(null);
        try {
            return ingest.ingest(fresh.document(), story);
        } catch (DataIntegrityViolationException raced) {
            return ingest.ingest(fresh.document(), story);
        }
    }

    /** A published new article is told to the index at once: the next item of this poll must find it. */
    private void remember(Fresh fresh, IngestService.Result result, Optional<StoryIndex.Match> match) {
        if (result.outcome() == IngestService.Outcome.CREATED && result.status() == ArticleStatus.PUBLISHED) {
            stories.add(result.articleId(), match.map(StoryIndex.Match::leadId).orElse(result.articleId()),
                    fresh.document().publishedAt() == null ? clock.instant() : fresh.document().publishedAt(), fresh.signature());
        }
    }
}
