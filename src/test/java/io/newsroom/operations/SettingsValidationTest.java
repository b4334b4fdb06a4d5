package io.newsroom.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.content.CacheProperties;
import io.newsroom.content.CorsProperties;
import io.newsroom.content.SiteProperties;
import io.newsroom.database.EmbeddedDatabaseProperties;
import io.newsroom.similar.SimilarProperties;
import io.newsroom.webhook.WebhookProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.context.ConfigurationPropertiesAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

/**
 * Every settings record refuses an impossible value when the context starts, naming the setting,
 * instead of failing later at run time. Settings records are checked where they bind, so a context
 * of the records alone proves it; a whole instance started for each case proved nothing more.
 */
class SettingsValidationTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({CacheProperties.class, CorsProperties.class, SiteProperties.class,
            EmbeddedDatabaseProperties.class, SimilarProperties.class,
            WebhookProperties.class})
    static class AllSettings {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ConfigurationPropertiesAutoConfiguration.class, ValidationAutoConfiguration.class))
            .withUserConfiguration(AllSettings.class);

    @Test
    void theDefaultsStart() {
        runner.run(context -> assertThat(context).hasNotFailed());
    }

    @Test
    void ordinaryValuesStart() {
        runner.withPropertyValues("newsroom.site.url=https://www.alwafd.news",
                        "newsroom.site.article-url=https://www.alwafd.news/news/{slug}", "newsroom.cors.allowed-origins=https://*.alwafd.news",
                        "newsroom.embedded-database.shared-buffers=2GB", "newsroom.similar.recency-weight=1")
                .run(context -> assertThat(context).hasNotFailed());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(delimiter = '|', value = {
            "newsroom.cache.max-age|-1s|maxAge",
            "newsroom.cache.response-cache-ttl|0s|responseCacheTtl",
            "newsroom.cache.response-cache-size|0B|newsroom.cache.response-cache-size",
            "newsroom.cors.allowed-origins|' '|allowedOrigins",
            "newsroom.site.url|localhost:8080|url",
            "newsroom.site.article-url|https://example.com/news/|articleUrl",
            "newsroom.site.language|not a language|language",
            "newsroom.site.name|' '|name",
            "newsroom.embedded-database.port|70000|port",
            "newsroom.embedded-database.shared-buffers|lots|sharedBuffers",
            "newsroom.similar.recency-weight|1.5|recencyWeight",
            "newsroom.similar.duplicate-threshold|0|duplicateThreshold",
            "newsroom.similar.half-life|0s|halfLife",
            "newsroom.similar.max-per-source|-1|maxPerSource",
            "newsroom.webhooks.concurrency|0|concurrency",
            "newsroom.webhooks.max-attempts|0|maxAttempts",
            "newsroom.webhooks.read-timeout|0s|readTimeout",
            "newsroom.webhooks.delivery-retention|-1d|deliveryRetention",
            "newsroom.webhooks.max-backoff|1ms|newsroom.webhooks.max-backoff"})
    void anImpossibleSettingStopsTheStartUpNamingIt(String setting, String value, String named) {
        runner.withPropertyValues(setting + "=" + value).run(context -> {
            assertThat(context).hasFailed();
            assertThat(context.getStartupFailure()).hasStackTraceContaining(setting.substring(0, setting.lastIndexOf('.')))
                    .hasStackTraceContaining(named);
        });
    }
}
