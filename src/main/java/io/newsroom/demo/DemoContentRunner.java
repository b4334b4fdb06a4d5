package io.newsroom.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;

/** {@code NEWSROOM_DEMO=true}: the seed page's content, loaded once into an empty database at start-up. */
@Component
@ConditionalOnBooleanProperty("newsroom.demo")
class DemoContentRunner implements ApplicationRunner {

    private final DemoContent demoContent;

    DemoContentRunner(DemoContent demoContent) {
        this.demoContent = demoContent;
    }

    @Override
    public void run(ApplicationArguments args) {
        demoContent.load();
    }
}
