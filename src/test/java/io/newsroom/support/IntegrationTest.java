package io.newsroom.support;

import io.newsroom.actor.Role;
import io.newsroom.security.ApiKeyService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Base of end-to-end tests: the whole application on a random port, on the shared test PostgreSQL,
 * with empty content tables before and after each test. All subclasses share one cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = {TestDatabaseInitializer.class, TestIssuerInitializer.class})
public abstract class IntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @LocalServerPort
    protected int port;

    @Autowired
    protected JsonMapper json;

    @Autowired
    private ApiKeyService apiKeys;

    protected RestTestClient http;

    /** Anonymous client; {@code api.as(adminKey)} and friends send a key of each role. */
    protected Api api;
    protected String adminKey;
    protected String editorKey;
    protected String writerKey;
    protected String integrationKey;

    @BeforeEach
    void connectAndClean() {
        http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        DatabaseCleaner.clean(jdbc);
        api = new Api(port, json);
        adminKey = apiKeys.create("test admin", Role.ADMIN).secret();
        editorKey = apiKeys.create("test editor", Role.EDITOR).secret();
        writerKey = apiKeys.create("test writer", Role.WRITER).secret();
        integrationKey = apiKeys.create("test integration", Role.INTEGRATION).secret();
    }

    @AfterEach
    void cleanUp() {
        DatabaseCleaner.clean(jdbc);
    }
}
