package io.newsroom.article;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.springframework.modulith.NamedInterface;

@NamedInterface("repository")
public interface ArticleRepository extends JpaRepository<Article, UUID> {

    Optional<Article> findByExternalId(String externalId);

    boolean existsBySlugKey(String slugKey);

    /** A story's members (its lead not included), the first published first. */
    List<Article> findByStoryLeadIdOrderByPublishedAtAscIdAsc(UUID storyLeadId);

    /** The members of these stories, each story's the first published first. */
    List<Article> findByStoryLeadIdInOrderByPublishedAtAscIdAsc(Collection<UUID> storyLeadIds);

    /** A translation group's members, the oldest first (the original, usually). */
    List<Article> findByTranslationGroupOrderByCreatedAtAscIdAsc(UUID translationGroup);

    /**
     * Locks the article's row until the transaction ends (1 if it exists): changes to one article
     * then happen one after another. Taken in SQL before the article is loaded, because Hibernate
     * locks an entity with a secondary table only after reading it ("follow-on locking"), which
     * hands the waiting transaction the state from before the lock. NO KEY UPDATE: rows that refer
     * to the article (tags, read-also links) can still be written by others meanwhile.
     */
    @Query(value = "SELECT count(*) FROM (SELECT 1 FROM articles WHERE id = :id FOR NO KEY UPDATE) AS locked", nativeQuery = true)
    int lockRow(@Param("id") UUID id);
}
