package io.newsroom.article.web;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

import io.newsroom.article.Article;
import io.newsroom.article.ArticleChanges;
import io.newsroom.article.ArticleContent;
import io.newsroom.article.ArticleETags;
import io.newsroom.article.ArticleService;
import io.newsroom.problem.PreconditionProblem;
import io.newsroom.tag.Tag;
import io.newsroom.text.Slugs;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.beans.BeanUtils;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * One article behind the mocked {@link ArticleService} of a web slice, answering as the service does
 * where versions are concerned: a change naming a version other than the current one is the service's
 * 412, one naming the current version (or none, on lifecycle calls) is applied and makes a new version.
 */
final class OneArticle {

    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    final UUID id;
    private final Article article;

    private OneArticle(Article article) {
        this.id = article.getId();
        this.article = article;
    }

    /** A draft at version 1, with a byline and the given tags, that {@code service} answers for. */
    static OneArticle behind(ArticleService service, String headline, String... tags) {
        ArticleContent content = new ArticleContent(headline, null, "<p>" + headline + "</p>", null, "مراسلنا", null, null, null, null);
        Article article = new Article(content, null, Slugs.of(headline), null, NOW);
        article.tagWith(List.of(tags).stream().map(OneArticle::tag).toList(), NOW);
        OneArticle one = new OneArticle(article);
        one.setVersion(1);
        when(service.get(one.id)).thenReturn(article);
        when(service.update(eq(one.id), anyLong(), any())).thenAnswer(call -> {
            one.check(OptionalLong.of(call.getArgument(1)));
            ArticleChanges changes = call.getArgument(2);
            article.edit(changes.content(), null, NOW);
            article.tagWith(changes.tagNames().stream().map(OneArticle::tag).toList(), NOW);
            return one.nextVersion();
        });
        when(service.publish(eq(one.id), any(OptionalLong.class), any())).thenAnswer(call -> {
            one.check(call.getArgument(1));
            article.publish(NOW);
            return one.nextVersion();
        });
        return one;
    }

    String etag() {
        return ArticleETags.of(article.getVersion());
    }

    private void check(OptionalLong ifMatch) {
        if (ifMatch.isPresent() && ifMatch.getAsLong() != article.getVersion()) {
            throw PreconditionProblem.failed(article.getVersion(), etag());
        }
    }

    private Article nextVersion() {
        setVersion(article.getVersion() + 1);
        return article;
    }

    /** The version is Hibernate's to set, from the row; there is no row here. */
    private void setVersion(long version) {
        ReflectionTestUtils.setField(article, "version", version);
    }

    /** A tag as the tag module makes one (its constructor is the module's own). */
    private static Tag tag(String name) {
        try {
            return BeanUtils.instantiateClass(Tag.class.getDeclaredConstructor(String.class, String.class, Instant.class), name, Slugs.of(name), NOW);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException(e);
        }
    }
}
