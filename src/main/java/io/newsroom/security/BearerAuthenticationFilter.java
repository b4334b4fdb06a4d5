package io.newsroom.security;

import io.newsroom.actor.Actor;
import io.newsroom.problem.DatabaseUnavailable;
import io.newsroom.problem.ProblemBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code Authorization: Bearer <credential>} → its {@link Actor}. With an identity provider configured,
 * a credential shaped as a JWT is an access token ({@link AccessTokens}); anything else is an API key.
 * A credential that is refused is answered here with its problem (an invalid token 401 saying why, a
 * deactivated person 403, an issuer that cannot be reached 503); no credential or an unknown key
 * stays anonymous and is answered 401 by the entry point. The credential itself is never logged.
 */
class BearerAuthenticationFilter extends OncePerRequestFilter {

    private static final String BEARER = "bearer ";

    private final ApiKeyService keys;
    /** Null when no identity provider is configured: then every bearer credential is an API key, as before. */
    private final AccessTokens tokens;
    private final JsonMapper json;

    BearerAuthenticationFilter(ApiKeyService keys, AccessTokens tokens, JsonMapper json) {
        this.keys = keys;
        this.tokens = tokens;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/admin");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<String> credential = bearerCredential(request);
        if (credential.isPresent()) {
            BearerOutcome outcome = authenticate(credential.get());
            if (outcome instanceof BearerOutcome.Refused refused) {
                refuse(response, refused);
                return;
            }
            if (outcome instanceof BearerOutcome.Accepted accepted) {
                Actor actor = accepted.actor();
                SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(actor, null,
                        List.of(new SimpleGrantedAuthority(actor.role().authority()))));
            }
        }
        chain.doFilter(request, response);
    }

    private BearerOutcome authenticate(String credential) {
        if (tokens != null && TokenShape.isJwt(credential)) {
            return tokens.authenticate(credential);
        }
        try {
            return keys.authenticate(credential).<BearerOutcome>map(BearerOutcome.Accepted::new).orElseGet(BearerOutcome.Unknown::new);
        } catch (AccessRefusedException e) {
            return new BearerOutcome.Refused(HttpStatus.FORBIDDEN, e.getMessage());
        }
    }

    private void refuse(HttpServletResponse response, BearerOutcome.Refused refused) throws IOException {
        if (refused.status() == HttpStatus.UNAUTHORIZED) {
            // RFC 6750, section 3: the error code, not the reason (that is in the problem body)
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"newsroom\", error=\"invalid_token\"");
        } else if (refused.status() == HttpStatus.SERVICE_UNAVAILABLE) {
            DatabaseUnavailable.writeHeaders(response);
        }
        ProblemBodies.write(json, response, ProblemDetail.forStatusAndDetail(refused.status(), refused.detail()));
    }

    private static Optional<String> bearerCredential(HttpServletRequest request) {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (header == null || header.length() <= BEARER.length() || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String credential = header.substring(BEARER.length()).strip();
        return credential.isEmpty() ? Optional.empty() : Optional.of(credential);
    }
}
