package io.newsroom.actor;

import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is making a change: the API key behind the current request, or the system itself (start-up
 * jobs, demo content, the scheduler). Audit entries and revisions name it.
 */
public record Actor(UUID id, String name, Role role) {

    public static final Actor SYSTEM = new Actor(null, "system", Role.ADMIN);

    /** The actor of the current request, or {@link #SYSTEM} outside of one. */
    public static Actor current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Actor actor) {
            return actor;
        }
        return SYSTEM;
    }

    public boolean isSystem() {
        return id == null;
    }
}
