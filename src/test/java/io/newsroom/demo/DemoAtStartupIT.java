package io.newsroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.DatabaseCleaner;
import io.newsroom.support.TestDatabaseInitializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/** NEWSROOM_DEMO=true (newsroom.demo) loads the seed content while the application starts. */
// Closed after the class: a context left in the cache would keep its scheduling job and webhook worker running
// against the shared database while other classes test them.
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@SpringBootTest(properties = "newsroom.demo=true")
@ContextConfiguration(initializers = TestDatabaseInitializer.class)
class DemoAtStartupIT {

    @Autowired
    JdbcTemplate jdbc;

    @AfterEach
    void cleanUp() {
        DatabaseCleaner.clean(jdbc);
    }

    @Test
    void demoFlagLoadsTheSeedContentAtStartup() {
        assertThat(jdbc.queryForList("SELECT name FROM sources", String.class)).contains("بوابة الوفد", "نوفوستي");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM articles WHERE status = 'PUBLISHED'", Integer.class)).isEqualTo(13);
    }
}
