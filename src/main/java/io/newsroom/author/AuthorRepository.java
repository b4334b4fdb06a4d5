package io.newsroom.author;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface AuthorRepository extends JpaRepository<Author, UUID> {

    boolean existsBySlugKey(String slugKey);

    Optional<Author> findByPersonId(UUID personId);

    /**
     * Authors by name, after the given (name, id) when one is given (keyset pagination); {@code keyPart}
     * (a LIKE pattern over normalised names) and {@code sourceId} narrow them when given.
     */
    @Query(value = """
            SELECT * FROM authors
            WHERE (CAST(:afterName AS text) IS NULL OR (name, id) > (CAST(:afterName AS text), CAST(:afterId AS uuid)))
              AND (CAST(:keyPart AS text) IS NULL OR normalized_key LIKE CAST(:keyPart AS text))
              AND (CAST(:sourceId AS uuid) IS NULL OR source_id = CAST(:sourceId AS uuid))
            ORDER BY name, id LIMIT :limit""", nativeQuery = true)
    List<Author> pageByName(String afterName, UUID afterId, String keyPart, UUID sourceId, int limit);
}
