package io.newsroom.support;

import io.newsroom.NewsroomApplication;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Another instance of the whole service in this JVM, on its own port and the tests' database: what a second node would be. */
public final class SecondInstance implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private SecondInstance(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** {@code settings} are extra command-line properties, such as {@code --newsroom.cache.response-cache=true}. */
    public static SecondInstance start(String... settings) {
        TestDatabase.Connection db = TestDatabase.get();
        List<String> args = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.datasource.url=" + db.url(),
                "--spring.datasource.username=" + (db.username() == null ? "" : db.username()),
                "--spring.datasource.password=" + (db.password() == null ? "" : db.password())));
        args.addAll(List.of(settings));
        return new SecondInstance(new SpringApplicationBuilder(NewsroomApplication.class).run(args.toArray(String[]::new)));
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    public int managementPort() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
