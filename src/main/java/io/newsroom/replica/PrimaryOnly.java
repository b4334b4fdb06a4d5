package io.newsroom.replica;

import java.time.Duration;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;

/** Readers read the primary: every commit is visible to them as soon as it is made (no replica configured). */
@Component
@Conditional(ReplicaConfigured.Not.class)
class PrimaryOnly implements ReadersCatchUp {

    @Override
    public boolean awaitCommitted(Duration timeout) {
        return true;
    }
}
