package io.newsroom.tag;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TagRepository extends JpaRepository<Tag, UUID> {

    Optional<Tag> findBySlugKey(String slugKey);

    List<Tag> findByNormalizedKeyIn(Collection<String> keys);

    boolean existsBySlugKey(String slugKey);
}
