package io.newsroom.article;

import io.newsroom.text.WordDiff.Segment;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What changed between two states of an article, field by field. {@code changed} names the fields
 * that differ; the headline and the body carry a word-level diff ({@code words}, and the same as HTML
 * with {@code <ins>}/{@code <del>}); a body whose markup changed but whose text did not is unchanged,
 * with {@code markupChanged} set.
 */
public record RevisionDiff(UUID articleId, String language, String direction, Side from, Side to, List<String> changed,
                           TextChange headline, Change<String> subheadline, Change<String> excerpt, Change<String> byline,
                           Change<String> slug, Change<String> sourceUrl, Change<DiffSource> source, Change<ArticleImage> image,
                           BodyChange body, ListChange<String> tags, ReadAlsoChange readAlso) {

    /** One end of the comparison: a stored revision, or the article as it stands ({@code current}). */
    public record Side(Integer revision, boolean current, Instant createdAt, String actorName, String change) {
    }

    public record Change<T>(boolean changed, T from, T to) {
    }

    public record TextChange(boolean changed, String from, String to, List<Segment> words, String html) {
    }

    public record BodyChange(boolean changed, boolean markupChanged, List<Segment> words, String html) {
    }

    public record ListChange<T>(List<T> added, List<T> removed) {
        boolean changed() {
            return !added.isEmpty() || !removed.isEmpty();
        }
    }

    /** {@code recorded} is false when one side is a revision stored before read-also lists were kept in revisions. */
    public record ReadAlsoChange(boolean recorded, List<ArticleRef> added, List<ArticleRef> removed) {
    }

    public record DiffSource(UUID id, String name) {
    }

    /** A read-also article as it stands now; a deleted or purged one keeps only its id. */
    public record ArticleRef(UUID id, String slug, String headline) {
    }
}
