package io.newsroom.tag;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface TagRepository extends JpaRepository<Tag, UUID> {

    List<Tag> findByNormalizedKeyIn(Collection<String> keys);

    @Query("SELECT t.normalizedKey FROM Tag t WHERE t.normalizedKey IN :keys")
    List<String> findExistingKeys(Collection<String> keys);

    boolean existsBySlugKey(String slugKey);

    boolean existsByNormalizedKey(String normalizedKey);

    /** Tags by name, after the given (name, id) when one is given; keyset pagination. */
    @Query(value = """
            SELECT * FROM tags WHERE CAST(:afterName AS text) IS NULL OR (name, id) > (CAST(:afterName AS text), CAST(:afterId AS uuid))
            ORDER BY name, id LIMIT :limit""", nativeQuery = true)
    List<Tag> pageByName(String afterName, UUID afterId, int limit);
}
