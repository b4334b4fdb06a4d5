package io.newsroom.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Base of end-to-end tests: the whole application on a random port, on the shared test PostgreSQL,
 * with empty content tables before and after each test. All subclasses share one cached context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
public abstract class IntegrationTest {

    @Autowired
    protected JdbcTemplate jdbc;

    @LocalServerPort
    protected int port;

    protected RestTestClient http;

    @BeforeEach
    void connectAndClean() {
        http = RestTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
        DatabaseCleaner.clean(jdbc);
    }

    @AfterEach
    void cleanUp() {
        DatabaseCleaner.clean(jdbc);
    }
}
