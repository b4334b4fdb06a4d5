package io.newsroom.article;

import io.newsroom.audit.AuditLog;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.InvalidRequestProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Translation groups: one story in several languages, at most one article per language. A group is
 * named by its original's id; linking X as a translation of Y puts X in Y's group (Y's translations
 * are X's siblings, never X's own group: groups stay one level deep). The only writer of
 * {@code articles.translation_group}.
 */
@Service
public class ArticleTranslations {

    private final ArticleRepository articles;
    private final ArticleService service;
    private final ArticleAnnouncer announcer;
    private final AuditLog audit;
    private final WriterScope writers;
    private final Clock clock;

    ArticleTranslations(ArticleRepository articles, ArticleService service, ArticleAnnouncer announcer, AuditLog audit, WriterScope writers,
                        Clock clock) {
        this.writers = writers;
        this.articles = articles;
        this.service = service;
        this.announcer = announcer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The article's current version, for an If-Match that names none. */
    @Transactional(readOnly = true)
    public long version(UUID id) {
        return service.get(id).getVersion();
    }

    /** The group's members, the original first; empty when the article has no translations. A WRITER sees their own among them. */
    @Transactional(readOnly = true)
    public List<Article> group(UUID id) {
        Article article = service.get(id);
        if (article.getTranslationGroup() == null) {
            return List.of();
        }
        List<Article> members = articles.findByTranslationGroupOrderByCreatedAtAscIdAsc(article.getTranslationGroup());
        java.util.Set<UUID> visible = writers.visibleAmong(members.stream().map(Article::getId).toList());
        return ordered(members, article.getTranslationGroup()).stream().filter(a -> visible.contains(a.getId())).toList();
    }

    /** Links article {@code id} as a translation of {@code originalId}; linking it again changes nothing. */
    @Transactional
    public Article link(UUID id, UUID originalId, OptionalLong ifMatch) {
        if (id.equals(originalId)) {
            throw new InvalidRequestProblem("id", "an article cannot be a translation of itself");
        }
        // Both rows locked, in one order whichever way round two editors link them: no deadlock.
        Stream.of(id, originalId).sorted().forEach(each -> {
            if (articles.lockRow(each) == 0 && each.equals(originalId)) {
                throw new InvalidRequestProblem("id", "no article with this id");
            }
        });
        Article article = service.lockedForChange(id, ifMatch);
        service.checkMayEdit(article);
        Article original = service.get(originalId);
        if (original.getDeletedAt() != null) {
            throw new InvalidRequestProblem("id", "the article is deleted");
        }
        UUID group = original.getTranslationGroup() == null ? original.getId() : original.getTranslationGroup();
        if (group.equals(article.getTranslationGroup())) {
            return article;
        }
        List<Article> members = articles.findByTranslationGroupOrderByCreatedAtAscIdAsc(group);
        for (Article member : members) {
            if (!member.equals(article) && member.getDeletedAt() == null && member.getLanguage().equals(article.getLanguage())) {
                throw new ConflictProblem("The translation group already has an article in language " + article.getLanguage()
                        + " (" + member.getId() + "); unlink it first").property("conflictingArticleId", member.getId());
            }
        }
        Instant now = clock.instant();
        List<Article> left = leave(article, now);
        if (original.getTranslationGroup() == null) {
            original.joinTranslationGroup(group, now);
        }
        article.joinTranslationGroup(group, now);
        articles.flush();
        audit.record("article.translation-linked", "article", id, id, Map.of("translationOf", originalId, "group", group));
        announcer.announce(article);
        announcer.announce(original);
        left.forEach(announcer::announce);
        return article;
    }

    /** Takes the article out of its group; unlinking one that has none changes nothing. */
    @Transactional
    public Article unlink(UUID id, OptionalLong ifMatch) {
        Article article = service.lockedForChange(id, ifMatch);
        service.checkMayEdit(article);
        UUID group = article.getTranslationGroup();
        if (group == null) {
            return article;
        }
        Instant now = clock.instant();
        List<Article> left = leave(article, now);
        articles.flush();
        audit.record("article.translation-unlinked", "article", id, id, Map.of("group", group));
        announcer.announce(article);
        left.forEach(announcer::announce);
        return article;
    }

    /**
     * The article leaves its group. A group left with one member is no group; one whose original
     * left is renamed after its oldest remaining member, which becomes the original. Returns the
     * other members, whose pages list the article no more.
     */
    private List<Article> leave(Article article, Instant now) {
        UUID group = article.getTranslationGroup();
        if (group == null) {
            return List.of();
        }
        article.joinTranslationGroup(null, now);
        List<Article> rest = articles.findByTranslationGroupOrderByCreatedAtAscIdAsc(group).stream().filter(m -> !m.equals(article)).toList();
        if (rest.size() == 1) {
            rest.get(0).joinTranslationGroup(null, now);
        } else if (group.equals(article.getId()) && !rest.isEmpty()) {
            UUID renamed = rest.get(0).getId();
            rest.forEach(member -> member.joinTranslationGroup(renamed, now));
        }
        rest.forEach(member -> member.shownElsewhereChanged(now));
        return rest;
    }

    private static List<Article> ordered(List<Article> members, UUID group) {
        return members.stream().sorted(Comparator.comparing((Article a) -> !a.getId().equals(group))).toList();
    }
}
