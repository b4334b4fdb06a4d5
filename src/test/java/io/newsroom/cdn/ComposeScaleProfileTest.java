package io.newsroom.cdn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml's "scale" profile (no Docker engine here to start it): it parses, holds a primary,
 * a replica, two instances and Varnish built from the shipped VCL, and the CDN variables it gives the
 * instances are ones the service binds, to the values meant.
 */
class ComposeScaleProfileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> services() throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(Path.of("docker-compose.yml")));
        return (Map<String, Map<String, Object>>) compose.get("services");
    }

    @Test
    void theScaleProfileHasAPrimaryAReplicaTwoInstancesAndVarnish() throws IOException {
        Map<String, Map<String, Object>> services = services();

        assertThat(services).containsKeys("postgres", "postgres-replica", "newsroom-1", "newsroom-2", "varnish");
        for (String name : List.of("postgres-replica", "newsroom-1", "newsroom-2", "varnish")) {
            assertThat(services.get(name).get("profiles")).as(name).isEqualTo(List.of("scale"));
        }
        assertThat(services.get("varnish").get("build")).isEqualTo("deploy/varnish");
        assertThat(Path.of("deploy/varnish/Dockerfile")).content().contains("varnish-modules").contains("render-vcl.sh");
        assertThat((List<String>) services.get("postgres-replica").get("volumes")).anyMatch(v -> v.startsWith("./deploy/postgres/replica.sh:"));
        assertThat(Path.of("deploy/postgres/replica.sh")).content().contains("pg_basebackup").contains("-R");
        assertThat((Map<String, Object>) services.get("varnish").get("environment")).containsEntry("BACKENDS", "newsroom-1:8080,newsroom-2:8080");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theInstancesCdnAndReplicaVariablesAreOnesTheServiceBinds() throws IOException {
        for (String instance : List.of("newsroom-1", "newsroom-2")) {
            Map<String, Object> environment = (Map<String, Object>) services().get(instance).get("environment");
            assertThat(environment).containsKeys("SPRING_DATASOURCE_URL", "NEWSROOM_READ_REPLICA_URL");
            StandardEnvironment spring = new StandardEnvironment();
            // named as Boot names the environment's, so that NEWSROOM_CDN_... map as they do in a container
            spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("compose-" + StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                    Map.copyOf(environment)));

            CdnProperties cdn = Binder.get(spring).bind("newsroom.cdn", CdnProperties.class).get();

            assertThat(cdn.purge()).isEqualTo(CdnProperties.Kind.VARNISH);
            assertThat(cdn.varnish().urls()).containsExactly("http://varnish:6081/");
            io.newsroom.replica.ReplicaProperties replica = Binder.get(spring).bind("newsroom.read-replica", io.newsroom.replica.ReplicaProperties.class).get();
            assertThat(replica.url()).as("readers read the compose file's replica").isEqualTo("jdbc:postgresql://postgres-replica:5432/newsroom");
        }
    }
}
