package io.newsroom.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.newsroom.actor.Role;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleClaimsTest {

    @Test
    void withoutAMappingTheRoleNamesMapToThemselvesCaseInsensitively() {
        RoleClaims roles = new RoleClaims("roles", null);
        assertThat(roles.roleOf(Map.of("roles", List.of("writer")))).contains(Role.WRITER);
        assertThat(roles.roleOf(Map.of("roles", "Integration"))).contains(Role.INTEGRATION);
        assertThat(roles.roleOf(Map.of("roles", List.of("newsroom-editors")))).isEmpty();
    }

    @Test
    void theHighestRoleWins() {
        RoleClaims roles = new RoleClaims("roles", null);
        assertThat(roles.roleOf(Map.of("roles", List.of("INTEGRATION", "WRITER", "EDITOR")))).contains(Role.EDITOR);
        assertThat(roles.roleOf(Map.of("roles", List.of("EDITOR", "ADMIN")))).contains(Role.ADMIN);
    }

    @Test
    void aDottedPathReachesANestedClaimAsKeycloakWritesIt() {
        RoleClaims roles = new RoleClaims("realm_access.roles", "newsroom-editors=EDITOR,newsroom-admins=ADMIN");
        Map<String, Object> keycloak = Map.of("realm_access", Map.of("roles", List.of("offline_access", "newsroom-editors")));
        assertThat(roles.roleOf(keycloak)).contains(Role.EDITOR);
        assertThat(roles.roleOf(Map.of("realm_access", "not an object"))).isEmpty();
        assertThat(roles.roleOf(Map.of())).isEmpty();
    }

    @Test
    void aClaimWhoseNameHoldsDotsIsFoundAsItIs() {
        RoleClaims roles = new RoleClaims("https://newsroom.example/roles", null);
        assertThat(roles.roleOf(Map.of("https://newsroom.example/roles", List.of("ADMIN")))).contains(Role.ADMIN);
    }

    @Test
    void withAMappingOnlyMappedValuesCount() {
        RoleClaims roles = new RoleClaims("roles", " newsroom-writers = writer , Desk.Editors=EDITOR ");
        assertThat(roles.roleOf(Map.of("roles", List.of("newsroom-writers")))).contains(Role.WRITER);
        assertThat(roles.roleOf(Map.of("roles", List.of("Desk.Editors")))).contains(Role.EDITOR);
        assertThat(roles.roleOf(Map.of("roles", List.of("ADMIN")))).isEmpty();
        assertThat(roles.roleOf(Map.of("roles", List.of(42, "newsroom-writers")))).contains(Role.WRITER);
    }

    @Test
    void aMappingThatNamesNoRoleStopsTheStartWithAClearMessage() {
        assertThatThrownBy(() -> RoleClaims.parse("editors=CHIEF")).hasMessageContaining("CHIEF");
        assertThatThrownBy(() -> RoleClaims.parse("editors")).hasMessageContaining("value=ROLE");
        assertThatThrownBy(() -> RoleClaims.parse("=ADMIN")).hasMessageContaining("value=ROLE");
    }
}
