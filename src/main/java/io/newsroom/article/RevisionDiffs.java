package io.newsroom.article;

import io.newsroom.article.RevisionDiff.ArticleRef;
import io.newsroom.article.RevisionDiff.BodyChange;
import io.newsroom.article.RevisionDiff.Change;
import io.newsroom.article.RevisionDiff.ListChange;
import io.newsroom.article.RevisionDiff.ReadAlsoChange;
import io.newsroom.article.RevisionDiff.Side;
import io.newsroom.article.RevisionDiff.DiffSource;
import io.newsroom.article.RevisionDiff.TextChange;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import io.newsroom.source.Source;
import io.newsroom.source.SourceRepository;
import io.newsroom.text.WordDiff;
import io.newsroom.text.WordDiff.Segment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Compares two revisions of an article, or a revision with the article as it stands. */
@Service
public class RevisionDiffs {

    /** The name of the article's present state in a diff's path ({@code .../diff/current}). */
    public static final String CURRENT = "current";

    private final ArticleRepository articles;
    private final ArticleRevisions revisions;
    private final SourceRepository sources;
    private final ArticleService service;

    RevisionDiffs(ArticleRepository articles, ArticleRevisions revisions, SourceRepository sources, ArticleService service) {
        this.service = service;
        this.articles = articles;
        this.revisions = revisions;
        this.sources = sources;
    }

    private record State(Side side, ArticleSnapshot snapshot) {
    }

    @Transactional(readOnly = true)
    public RevisionDiff diff(UUID articleId, String from, String to) {
        Article article = service.get(articleId); // a WRITER's own articles only
        State older = state(article, from, "from");
        State newer = state(article, to, "to");
        ArticleContent a = older.snapshot().content();
        ArticleContent b = newer.snapshot().content();

        List<Segment> headlineWords = WordDiff.diff(a.headline(), b.headline());
        TextChange headline = new TextChange(WordDiff.changes(headlineWords), a.headline(), b.headline(), headlineWords, WordDiff.html(headlineWords));
        List<Segment> bodyWords = WordDiff.diff(WordDiff.textOfHtml(a.bodyHtml()), WordDiff.textOfHtml(b.bodyHtml()));
        boolean bodyChanged = WordDiff.changes(bodyWords);
        BodyChange body = new BodyChange(bodyChanged, !bodyChanged && !Objects.equals(a.bodyHtml(), b.bodyHtml()), bodyWords, WordDiff.html(bodyWords));
        Change<String> subheadline = change(a.subheadline(), b.subheadline());
        Change<String> excerpt = change(a.excerpt(), b.excerpt());
        Change<String> byline = change(a.byline(), b.byline());
        Change<String> slug = change(older.snapshot().slug(), newer.snapshot().slug());
        Change<String> sourceUrl = change(a.sourceUrl(), b.sourceUrl());
        Change<DiffSource> source = change(source(a.sourceId()), source(b.sourceId()));
        Change<ArticleImage> image = change(a.image(), b.image());
        ListChange<String> tags = listChange(older.snapshot().tags(), newer.snapshot().tags());
        ReadAlsoChange readAlso = readAlso(older.snapshot().relatedIds(), newer.snapshot().relatedIds());

        List<String> changed = new ArrayList<>();
        Map<String, Boolean> fields = new LinkedHashMap<>();
        fields.put("headline", headline.changed());
        fields.put("subheadline", subheadline.changed());
        fields.put("excerpt", excerpt.changed());
        fields.put("byline", byline.changed());
        fields.put("slug", slug.changed());
        fields.put("source", source.changed());
        fields.put("sourceUrl", sourceUrl.changed());
        fields.put("image", image.changed());
        fields.put("body", body.changed());
        fields.put("tags", tags.changed());
        fields.put("readAlso", !readAlso.added().isEmpty() || !readAlso.removed().isEmpty());
        fields.forEach((field, differs) -> {
            if (differs) {
                changed.add(field);
            }
        });
        return new RevisionDiff(articleId, b.language(), TextDirection.of(b.language()), older.side(), newer.side(), changed,
                headline, subheadline, excerpt, byline, slug, sourceUrl, source, image, body, tags, readAlso);
    }

    private State state(Article article, String which, String field) {
        if (CURRENT.equals(which)) {
            return new State(new Side(null, true, article.getUpdatedAt(), null, null), ArticleSnapshot.of(article));
        }
        int number;
        try {
            number = Integer.parseInt(which);
        } catch (NumberFormatException e) {
            throw new InvalidRequestProblem(field, "must be a revision number or '" + CURRENT + "'");
        }
        ArticleRevision revision = revisions.find(article.getId(), number)
                .orElseThrow(() -> new NotFoundProblem("No revision " + number + " of article " + article.getId()));
        return new State(new Side(number, false, revision.createdAt(), revision.actorName(), revision.change()), revision.snapshot());
    }

    private static <T> Change<T> change(T from, T to) {
        return new Change<>(!Objects.equals(from, to), from, to);
    }

    private static <T> ListChange<T> listChange(List<T> from, List<T> to) {
        List<T> before = from == null ? List.of() : from;
        List<T> after = to == null ? List.of() : to;
        return new ListChange<>(after.stream().filter(t -> !before.contains(t)).toList(), before.stream().filter(t -> !after.contains(t)).toList());
    }

    private DiffSource source(UUID id) {
        if (id == null) {
            return null;
        }
        return new DiffSource(id, sources.findById(id).map(Source::getName).orElse(null));
    }

    private ReadAlsoChange readAlso(List<UUID> from, List<UUID> to) {
        if (from == null || to == null) {
            return new ReadAlsoChange(false, List.of(), List.of());
        }
        ListChange<UUID> ids = listChange(from, to);
        List<UUID> all = new ArrayList<>(ids.added());
        all.addAll(ids.removed());
        Map<UUID, Article> found = articles.findAllById(all).stream().collect(Collectors.toMap(Article::getId, Function.identity()));
        Function<UUID, ArticleRef> ref = id -> {
            Article related = found.get(id);
            return related == null ? new ArticleRef(id, null, null) : new ArticleRef(id, related.getSlug(), related.getHeadline());
        };
        return new ReadAlsoChange(true, ids.added().stream().map(ref).toList(), ids.removed().stream().map(ref).toList());
    }
}
