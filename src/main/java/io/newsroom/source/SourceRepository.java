package io.newsroom.source;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SourceRepository extends JpaRepository<Source, UUID> {

    Optional<Source> findBySlugKey(String slugKey);

    boolean existsBySlugKey(String slugKey);

    /** Sources by name, after the given (name, id) when one is given; keyset pagination. */
    @Query(value = """
            SELECT * FROM sources WHERE CAST(:afterName AS text) IS NULL OR (name, id) > (CAST(:afterName AS text), CAST(:afterId AS uuid))
            ORDER BY name, id LIMIT :limit""", nativeQuery = true)
    List<Source> pageByName(String afterName, UUID afterId, int limit);
}
