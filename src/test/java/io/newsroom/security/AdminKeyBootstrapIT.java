package io.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

class AdminKeyBootstrapIT extends IntegrationTest {

    private static final String CONFIGURED = "configured-admin-key-0123456789";

    @Autowired
    ApiKeyService keys;

    @Test
    void configuredAdminKeyIsCreatedOnceAndWorks() {
        new AdminKeyBootstrap(keys, CONFIGURED).run(null);
        new AdminKeyBootstrap(keys, CONFIGURED).run(null);
        assertThat(jdbc.queryForObject("SELECT count(*) FROM api_keys WHERE name LIKE 'bootstrap admin%'", Integer.class)).isEqualTo(1);
        assertThat(api.as(CONFIGURED).get("/api/admin/api-keys").status()).isEqualTo(200);
    }

    @Test
    void tooShortAdminKeyStopsStartUp() {
        assertThatThrownBy(() -> new AdminKeyBootstrap(keys, "short").run(null)).hasMessageContaining("at least 20");
    }

    @Test
    void withNoKeyAtAllOneAdminKeyIsGenerated() {
        jdbc.update("DELETE FROM api_keys");
        new AdminKeyBootstrap(keys, "").run(null);
        new AdminKeyBootstrap(keys, "").run(null);
        assertThat(jdbc.queryForList("SELECT role FROM api_keys", String.class)).containsExactly("ADMIN");
    }
}
