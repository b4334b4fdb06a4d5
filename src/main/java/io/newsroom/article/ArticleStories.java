package io.newsroom.article;

import io.newsroom.audit.AuditLog;
import io.newsroom.paging.Cursors;
import io.newsroom.problem.ConflictProblem;
import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.NotFoundProblem;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stories: one event told by several outlets. A story is named by its lead, the article readers see;
 * its members point at the lead ({@code articles.story_lead_id}, written only here) and are never
 * visible on their own (ReaderVisibility): the lead lists them as "also reported by". Stories stay
 * one level deep: joining a member's story joins its lead's. Subscribers hear what readers see
 * change: the lead is updated, an article that disappears into a story is unpublished to them, one
 * split out is published to them.
 */
@Service
@NamedInterface("api")
public class ArticleStories {

    private final ArticleRepository articles;
    private final JdbcTemplate jdbc;
    private final ArticleService service;
    private final ArticleAnnouncer announcer;
    private final AuditLog audit;
    private final Clock clock;

    ArticleStories(ArticleRepository articles, JdbcTemplate jdbc, ArticleService service, ArticleAnnouncer announcer, AuditLog audit, Clock clock) {
        this.articles = articles;
        this.jdbc = jdbc;
        this.service = service;
        this.announcer = announcer;
        this.audit = audit;
        this.clock = clock;
    }

    /** The story an article belongs to: its lead first, then the members by publication time. One article alone is a story of one. */
    @Transactional(readOnly = true)
    public List<Article> story(UUID articleId) {
        Article article = service.get(articleId);
        Article lead = article.getStoryLeadId() == null ? article : service.get(article.getStoryLeadId());
        List<Article> story = new ArrayList<>();
        story.add(lead);
        story.addAll(articles.findByStoryLeadIdOrderByPublishedAtAscIdAsc(lead.getId()));
        return story;
    }

    /**
     * Stories of more than one article, the newest lead first ({@code limit + 1} of them, after the
     * cursor's lead when one is given), each with its articles as {@link #story} lists them.
     */
    @Transactional(readOnly = true)
    public List<List<Article>> storiesOfSeveral(Cursors.TimeAndId after, int limit) {
        List<UUID> leads = jdbc.queryForList("""
                SELECT a.id FROM articles a
                WHERE a.id IN (SELECT story_lead_id FROM articles WHERE story_lead_id IS NOT NULL) -- the members' partial index
                  AND (?::timestamptz IS NULL OR (a.created_at, a.id) < (?::timestamptz, ?::uuid))
                ORDER BY a.created_at DESC, a.id DESC LIMIT ?""", UUID.class,
                after == null ? null : Timestamp.from(after.time()), after == null ? null : Timestamp.from(after.time()),
                after == null ? null : after.id(), limit + 1);
        // two reads for the page, not two per story
        Map<UUID, Article> leadsById = new HashMap<>();
        articles.findAllById(leads).forEach(lead -> leadsById.put(lead.getId(), lead));
        Map<UUID, List<Article>> stories = new LinkedHashMap<>();
        leads.stream().filter(leadsById::containsKey).forEach(id -> stories.put(id, new ArrayList<>(List.of(leadsById.get(id)))));
        articles.findByStoryLeadIdInOrderByPublishedAtAscIdAsc(leads)
                .forEach(member -> stories.computeIfPresent(member.getStoryLeadId(), (lead, story) -> {
                    story.add(member);
                    return story;
                }));
        return List.copyOf(stories.values());
    }

    /**
     * Puts article {@code id} (and, if it leads a story, that story's members) into the story of
     * {@code otherId}. Joining the story one is in already changes nothing. {@code reason} goes into
     * the audit entry ("same story as …: similarity 0.62" from the feed intake, "merged by an editor").
     * 409 when either story changed between reading and locking (two editors merging at once).
     */
    @Transactional
    public Article join(UUID id, UUID otherId, String reason) {
        if (id.equals(otherId)) {
            throw new InvalidRequestProblem("storyOf", "an article cannot join its own story");
        }
        UUID leadId = leadOf(otherId);
        UUID ownLead = leadOf(id);
        lock(id, leadId);
        // Loaded only now, under the locks: what was read before may have changed meanwhile.
        Article article = service.get(id);
        Article lead = service.get(leadId);
        if (lead.getStoryLeadId() != null || !ownLead.equals(leadOrSelf(article))) {
            throw new ConflictProblem("One of the stories changed meanwhile; read them again and retry");
        }
        if (article.getDeletedAt() != null || lead.getDeletedAt() != null) {
            throw new ConflictProblem("A deleted article cannot join or lead a story; restore it first");
        }
        if (leadId.equals(ownLead)) {
            return article; // one story already
        }
        Instant now = clock.instant();
        List<Article> moving = article.getStoryLeadId() == null
                ? articles.findByStoryLeadIdOrderByPublishedAtAscIdAsc(id) // its own story comes along
                : List.of();
        article.placeInStory(leadId, now); // readers now see it only as its lead's "also reported by"
        for (Article member : moving) {
            member.placeInStory(leadId, now);
        }
        // The lead's "also reported by" changes only with published tellings (a draft joining, as the
        // feed intake's items do before they are published, is announced when it is published).
        Article left = ownLead.equals(id) ? null : service.get(ownLead);
        if (wouldBeVisible(article, now) || moving.stream().anyMatch(member -> wouldBeVisible(member, now))) {
            lead.shownElsewhereChanged(now);
            if (left != null) {
                left.shownElsewhereChanged(now); // and the story it left lists it no more
            }
        }
        articles.flush();
        audit.record("story.joined", "article", id, id, Map.of("lead", leadId, "members", moving.size(), "reason", reason));
        announcer.announce(article);
        moving.forEach(announcer::announce);
        announcer.announce(lead);
        if (left != null) {
            announcer.announce(left);
        }
        return article;
    }

    /**
     * Takes the article out of its story: it stands for itself again (visible if published). When
     * it is the lead, the first member readers may see (else the first) leads the rest. 409 when the
     * article is alone, or its story changed between reading and locking.
     */
    @Transactional
    public Article split(UUID id) {
        UUID leadId = leadOf(id);
        lock(id, leadId);
        Article article = service.get(id);
        if (!leadId.equals(leadOrSelf(article)) || service.get(leadId).getStoryLeadId() != null) {
            throw new ConflictProblem("The story changed meanwhile; read it again and retry");
        }
        List<Article> members = articles.findByStoryLeadIdOrderByPublishedAtAscIdAsc(leadId);
        Instant now = clock.instant();
        if (!leadId.equals(id)) {
            article.placeInStory(null, now);
            Article lead = service.get(leadId);
            lead.shownElsewhereChanged(now);
            articles.flush();
            audit.record("story.split", "article", id, id, Map.of("lead", leadId));
            announcer.announce(article);
            announcer.announce(lead);
            return article;
        }
        if (members.isEmpty()) {
            throw new ConflictProblem("The article is not in a story with others");
        }
        Article next = members.stream().filter(m -> m.getDeletedAt() == null)
                .min(Comparator.comparing((Article m) -> !m.isVisibleToReaders(now) && !wouldBeVisible(m, now))
                        .thenComparing(Article::getPublishedAt, Comparator.nullsLast(Comparator.naturalOrder())))
                .orElse(members.get(0));
        next.placeInStory(null, now);
        members.stream().filter(m -> m != next).forEach(m -> m.placeInStory(next.getId(), now));
        article.shownElsewhereChanged(now);
        articles.flush();
        audit.record("story.split", "article", id, id, Map.of("newLead", next.getId()));
        announcer.announce(next);
        members.stream().filter(m -> m != next).forEach(announcer::announce);
        announcer.announce(article);
        return article;
    }

    /** Whether a member would be visible if it stood alone (what makes it fit to lead). */
    private static boolean wouldBeVisible(Article member, Instant now) {
        return ReaderVisibility.isVisible(member.getStatus(), member.getPublishedAt(), member.getUnpublishAt(), member.getDeletedAt(), null, now);
    }

    private static UUID leadOrSelf(Article article) {
        return article.getStoryLeadId() == null ? article.getId() : article.getStoryLeadId();
    }

    /** The lead of the article's story (itself when it stands alone), read without loading the entity. */
    private UUID leadOf(UUID id) {
        return jdbc.query("SELECT coalesce(story_lead_id, id) FROM articles WHERE id = ?", (row, n) -> row.getObject(1, UUID.class), id)
                .stream().findFirst().orElseThrow(() -> new ArticleNotFoundException(id));
    }

    /** The rows locked in one order, whichever way round two requests name them: no deadlock. */
    private void lock(UUID... ids) {
        Stream.of(ids).distinct().sorted().forEach(each -> {
            if (articles.lockRow(each) == 0) {
                throw new NotFoundProblem("article", each);
            }
        });
    }
}
