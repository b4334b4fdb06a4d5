package io.newsroom.source;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface SourceRepository extends JpaRepository<Source, UUID> {

    Optional<Source> findBySlugKey(String slugKey);

    boolean existsBySlugKey(String slugKey);
}
