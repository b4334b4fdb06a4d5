package io.newsroom.article;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ArticleRepository extends JpaRepository<Article, UUID> {

    Optional<Article> findByExternalId(String externalId);

    boolean existsBySlugKey(String slugKey);
}
