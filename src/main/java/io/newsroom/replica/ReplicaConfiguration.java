package io.newsroom.replica;

import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.orm.jpa.vendor.HibernateJpaVendorAdapter;

/**
 * With {@code NEWSROOM_READ_REPLICA_URL}: the application's data source becomes the read-only routing
 * proxy (ReplicaRouting), the replica is watched (ReplicaMonitor), and cache emptying waits for it
 * (ReplicaCatchUp).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(ReplicaConfigured.class)
class ReplicaConfiguration {

    @Bean(destroyMethod = "close")
    ReplicaRouting replicaRouting(ReplicaProperties properties) {
        return new ReplicaRouting(properties);
    }

    /**
     * Wraps the data source Spring Boot (or the embedded database) made, whatever made it, so its pool
     * settings, metrics and health stay as they are; and keeps JPA's transactions off the replica:
     * Spring's JPA transaction manager would otherwise mark the connection of every
     * {@code @Transactional(readOnly = true)} read-only, and the admin API's reads (which must see an
     * editor's own writes at once) would go to the replica. Only {@link ReaderTransactions} marks one.
     */
    @Bean
    static BeanPostProcessor readReplicaDataSource(ObjectProvider<ReplicaRouting> routing) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HibernateJpaVendorAdapter jpa) {
                    jpa.setPrepareConnection(false);
                }
                return bean;
            }

            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof DataSource primary && "dataSource".equals(name)) {
                    return routing.getObject().wrap(primary);
                }
                return bean;
            }
        };
    }

    @Bean
    ReplicaMonitor replicaMonitor(ReplicaRouting routing, MeterRegistry registry) {
        return new ReplicaMonitor(routing, registry);
    }

    @Bean
    ReplicaCatchUp replicaCatchUp(ReplicaRouting routing) {
        return new ReplicaCatchUp(routing);
    }
}
