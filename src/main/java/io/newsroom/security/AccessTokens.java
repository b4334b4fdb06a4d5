package io.newsroom.security;

import com.nimbusds.jwt.JWTClaimsSet;
import io.newsroom.actor.Actor;
import io.newsroom.actor.Role;
import java.text.ParseException;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Access tokens of the newsroom's identity provider: a valid token with a mapped role is its person,
 * recorded on first use; a deactivated person is refused at once.
 */
class AccessTokens {

    private final AccessTokenVerifier verifier;
    private final RoleClaims roles;
    private final People people;

    AccessTokens(AccessTokenVerifier verifier, RoleClaims roles, People people) {
        this.verifier = verifier;
        this.roles = roles;
        this.people = people;
    }

    BearerOutcome authenticate(String token) {
        JWTClaimsSet claims;
        try {
            claims = verifier.verify(token);
        } catch (InvalidTokenException e) {
            return new BearerOutcome.Refused(HttpStatus.UNAUTHORIZED, e.getMessage());
        } catch (IssuerUnavailableException e) {
            return new BearerOutcome.Refused(HttpStatus.SERVICE_UNAVAILABLE,
                    "The token is signed with a key this service has not seen, and the identity provider cannot be reached to fetch it; try again shortly");
        }
        Optional<Role> role = roles.roleOf(claims.getClaims());
        if (role.isEmpty()) {
            return new BearerOutcome.Refused(HttpStatus.FORBIDDEN, "The token's claim '" + roles.claim()
                    + "' is missing or holds no value that maps to a newsroom role (ADMIN, EDITOR, WRITER, INTEGRATION)");
        }
        Person person = people.recordUse(claims.getIssuer(), claims.getSubject(), displayName(claims), text(claims, "email"), role.get());
        if (!person.active()) {
            return new BearerOutcome.Refused(HttpStatus.FORBIDDEN, "This person has been deactivated in the newsroom");
        }
        return new BearerOutcome.Accepted(Actor.person(person.id(), person.displayName(), role.get()));
    }

    /** What identity providers put where: {@code name} (all), {@code preferred_username} (Keycloak, Entra ID), then the email. */
    private static String displayName(JWTClaimsSet claims) {
        for (String claim : new String[] {"name", "preferred_username", "email", "upn"}) {
            String value = text(claims, claim);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        String given = text(claims, "given_name");
        String family = text(claims, "family_name");
        return given == null && family == null ? null : ((given == null ? "" : given) + " " + (family == null ? "" : family)).strip();
    }

    private static String text(JWTClaimsSet claims, String name) {
        try {
            return claims.getStringClaim(name);
        } catch (ParseException e) {
            return null; // a claim of another type is no name
        }
    }
}
