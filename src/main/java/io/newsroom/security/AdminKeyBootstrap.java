package io.newsroom.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * At start-up: NEWSROOM_ADMIN_KEY becomes an ADMIN key; with none set and no key at all, a generated
 * ADMIN key is printed once (it cannot be shown again: only its hash is stored).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class AdminKeyBootstrap implements ApplicationRunner {

    static final int MIN_LENGTH = 20;
    private static final Logger log = LoggerFactory.getLogger(AdminKeyBootstrap.class);

    private final ApiKeyService keys;
    private final String adminKey;

    AdminKeyBootstrap(ApiKeyService keys, @Value("${newsroom.admin-key:}") String adminKey) {
        this.keys = keys;
        this.adminKey = adminKey;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!adminKey.isBlank()) {
            if (adminKey.strip().length() < MIN_LENGTH) {
                throw new IllegalStateException("NEWSROOM_ADMIN_KEY must be at least " + MIN_LENGTH + " characters long");
            }
            keys.ensureAdminKey(adminKey.strip());
            log.info("Admin API key from NEWSROOM_ADMIN_KEY is active");
            return;
        }
        keys.generateFirstAdminKey().ifPresent(secret -> log.warn(
                "No API key existed, so an ADMIN key was generated. It is shown this once; keep it safe:\n\n    {}\n", secret));
    }
}
