package io.newsroom.security;

import io.newsroom.actor.Role;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A token's newsroom role: the values of the roles claim, mapped to roles, the highest winning.
 * The claim is a top-level name or a dotted path into nested objects (Keycloak's
 * {@code realm_access.roles}); a name that itself holds dots (Auth0's namespaced
 * {@code https://example.com/roles}) is found as it is first. Its value is a string or a list of them.
 */
final class RoleClaims {

    private final String claim;
    /** Claim value to role; empty: the role names themselves, case-insensitively. */
    private final Map<String, Role> mapping;

    RoleClaims(String claim, String mapping) {
        this.claim = claim;
        this.mapping = parse(mapping);
    }

    /** The claim read, for the problem that says which one held no role. */
    String claim() {
        return claim;
    }

    Optional<Role> roleOf(Map<String, Object> claims) {
        Role best = null;
        for (String value : values(claims)) {
            Role role = map(value);
            if (role != null) {
                best = best == null ? role : Role.highest(best, role);
            }
        }
        return Optional.ofNullable(best);
    }

    private Role map(String value) {
        if (!mapping.isEmpty()) {
            return mapping.get(value.strip());
        }
        try {
            return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private List<String> values(Map<String, Object> claims) {
        Object value = claims.containsKey(claim) ? claims.get(claim) : walk(claims);
        if (value instanceof String text) {
            return List.of(text);
        }
        if (value instanceof Collection<?> list) {
            return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
        }
        return List.of();
    }

    private Object walk(Map<String, Object> claims) {
        Object node = claims;
        for (String step : claim.split("\\.")) {
            if (!(node instanceof Map<?, ?> map)) {
                return null;
            }
            node = map.get(step);
        }
        return node;
    }

    /** {@code newsroom-editors=EDITOR,newsroom-admins=ADMIN}; a value may hold '=' (the last one separates). */
    static Map<String, Role> parse(String mapping) {
        Map<String, Role> parsed = new LinkedHashMap<>();
        if (mapping == null || mapping.isBlank()) {
            return parsed;
        }
        for (String entry : mapping.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            if (equals <= 0 || equals == entry.length() - 1) {
                throw new IllegalArgumentException("NEWSROOM_OIDC_ROLE_MAPPING: '" + entry.strip() + "' is not value=ROLE");
            }
            String role = entry.substring(equals + 1).strip().toUpperCase(Locale.ROOT);
            try {
                parsed.put(entry.substring(0, equals).strip(), Role.valueOf(role));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("NEWSROOM_OIDC_ROLE_MAPPING: '" + role + "' is not one of ADMIN, EDITOR, WRITER, INTEGRATION");
            }
        }
        return parsed;
    }
}
