package io.newsroom.support;

import io.newsroom.article.ArticleService;
import io.newsroom.article.EditorialArticleQueries;
import io.newsroom.content.CacheProperties;
import io.newsroom.content.ContentCaching;
import io.newsroom.content.PublicArticles;
import io.newsroom.content.SiteProperties;
import io.newsroom.replica.ReaderTransactions;
import io.newsroom.security.ApiKeyService;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.Set;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.context.annotation.Import;
import org.springframework.core.type.classreading.MetadataReader;
import org.springframework.core.type.classreading.MetadataReaderFactory;
import org.springframework.core.type.filter.TypeFilter;
import org.springframework.stereotype.Controller;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The web layer of the article endpoints without a database: the admin and content article
 * controllers, the problem advice, the request guards, size limit and outage filters, JSON cleaning
 * and the service's real security filter chain, in front of mocked services. Every slice test class uses this one annotation and no
 * mocks of its own, so all of them share one cached application context.
 *
 * <p>The services are mocks: what they do with the database is proven end to end (the *IT classes).
 * The transaction manager is a mock because the admin controller builds its responses inside a
 * transaction template; with no database there is nothing for it to begin or commit.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(
        includeFilters = @ComponentScan.Filter(type = FilterType.REGEX, pattern = {
                "io\\.newsroom\\.security\\.SecurityConfiguration", "io\\.newsroom\\.request\\.CleanJsonText",
                "io\\.newsroom\\.problem\\.ProblemFilters"}),
        excludeFilters = @ComponentScan.Filter(type = FilterType.CUSTOM, classes = WebSlice.OtherControllers.class))
@Import({ContentCaching.class, ReaderTransactions.class})
@EnableConfigurationProperties({CacheProperties.class, SiteProperties.class})
@MockitoBean(types = {ArticleService.class, EditorialArticleQueries.class, PublicArticles.class, ApiKeyService.class,
        PlatformTransactionManager.class})
public @interface WebSlice {

    /** Leaves out every controller but the two whose header handling the slices test, and so their services. */
    final class OtherControllers implements TypeFilter {

        private static final Set<String> TESTED = Set.of(
                "io.newsroom.article.web.AdminArticleController", "io.newsroom.content.web.ContentArticleController");

        @Override
        public boolean match(MetadataReader reader, MetadataReaderFactory factory) {
            return reader.getAnnotationMetadata().isAnnotated(Controller.class.getName())
                    && !TESTED.contains(reader.getClassMetadata().getClassName());
        }
    }
}
