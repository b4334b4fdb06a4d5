package io.newsroom.replica;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code NEWSROOM_READ_REPLICA_URL} names a replica (unset or blank: readers read the primary). */
class ReplicaConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty("newsroom.read-replica.url"));
    }

    /** The opposite, for what stands in when no replica is configured. */
    static class Not implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return !new ReplicaConfigured().matches(context, metadata);
        }
    }
}
