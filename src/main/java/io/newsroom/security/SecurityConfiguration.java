package io.newsroom.security;

import io.newsroom.actor.Role;
import java.util.ArrayList;
import java.util.List;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.HEAD;
import static org.springframework.http.HttpMethod.PATCH;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what. The admin API needs an API key or, with an identity provider configured, a
 * person's access token, and each role reaches only its part of it (shared/CONTRACT.md). Everything
 * outside /api/admin is public and read-only by construction. Rules that depend on the article (a
 * WRITER sees only their own) live in the article module (WriterScope); who manages which API key,
 * in {@link ApiKeyService}.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    private static final String EDITOR = Role.EDITOR.name();
    private static final String WRITER = Role.WRITER.name();
    private static final String INTEGRATION = Role.INTEGRATION.name();
    /** What frontends and CDNs read: the content API, feeds and sitemaps. */
    private static final List<String> PUBLIC_READS = List.of("/api/content/**", "/feeds/**", "/sitemap.xml", "/sitemap-news.xml", "/sitemaps/**",
            "/media/**");

    /**
     * No Micrometer observation around each security filter, authentication and authorization: they
     * wrapped every filter of every request in an observation and its scope (a profile of the search
     * benchmark showed them on every public read), and the HTTP server observation already records
     * each request with its status.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * Reading what is published needs no identity, so these requests skip the session, security
     * context, anonymous-user, request-cache and authorization filters, each of which also runs in a
     * Micrometer observation of its own: work on every uncached read that decides nothing. Security
     * headers are still written. Only GET and HEAD match; any other method falls to the chain below.
     */
    @Bean
    @Order(1)
    SecurityFilterChain publicReads(HttpSecurity http) {
        PathPatternRequestMatcher.Builder paths = PathPatternRequestMatcher.withDefaults();
        List<RequestMatcher> reads = new ArrayList<>();
        for (String pattern : PUBLIC_READS) {
            reads.add(paths.matcher(GET, pattern));
            reads.add(paths.matcher(HEAD, pattern));
        }
        return http
                .securityMatcher(new OrRequestMatcher(reads))
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> anonymous.disable())
                .requestCache(cache -> cache.disable())
                .servletApi(servletApi -> servletApi.disable())
                .exceptionHandling(errors -> errors.disable())
                .logout(logout -> logout.disable())
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain securityFilterChain(HttpSecurity http, ApiKeyService keys, ObjectProvider<AccessTokens> tokens, JsonMapper json) {
        return http
                .csrf(csrf -> csrf.disable()) // no cookies or sessions: every call carries its key
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .addFilterBefore(new BearerAuthenticationFilter(keys, tokens.getIfAvailable(), json), AnonymousAuthenticationFilter.class)
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/admin/people/**", "/api/admin/webhooks/**").hasRole(ADMIN)
                        .requestMatchers(PATCH, "/api/admin/api-keys/*").hasRole(ADMIN)
                        // people make and revoke keys of their own (ApiKeyService decides whose)
                        .requestMatchers("/api/admin/api-keys/**").authenticated()
                        // the desk's view across stories: a WRITER sees their own articles only
                        .requestMatchers(GET, "/api/admin/stories/**", "/api/admin/articles/*/story").hasAnyRole(ADMIN, EDITOR, INTEGRATION)
                        .requestMatchers("/api/admin/ingest/**").hasAnyRole(ADMIN, EDITOR, INTEGRATION)
                        .requestMatchers("/api/admin/audit/**").hasAnyRole(ADMIN, EDITOR)
                        .requestMatchers(GET, "/api/admin/**").authenticated()
                        // photos: writers and up add and describe them; deleting one is an editor's call
                        .requestMatchers(DELETE, "/api/admin/media/*").hasAnyRole(ADMIN, EDITOR)
                        .requestMatchers(POST, "/api/admin/media").hasAnyRole(ADMIN, EDITOR, WRITER)
                        .requestMatchers(PATCH, "/api/admin/media/*").hasAnyRole(ADMIN, EDITOR, WRITER)
                        .requestMatchers(POST, "/api/admin/articles/*/publish", "/api/admin/articles/*/unpublish",
                                "/api/admin/articles/*/schedule", "/api/admin/articles/*/archive",
                                "/api/admin/articles/*/restore").hasAnyRole(ADMIN, EDITOR)
                        .requestMatchers(DELETE, "/api/admin/articles/*").hasAnyRole(ADMIN, EDITOR)
                        .requestMatchers("/api/admin/articles/*/unpublish-at", "/api/admin/articles/*/translation-of",
                                "/api/admin/articles/*/story").hasAnyRole(ADMIN, EDITOR)
                        // writers preview their own drafts; a link shows one article to whoever holds it, nothing more
                        .requestMatchers("/api/admin/articles/*/preview-links", "/api/admin/articles/*/preview-links/*")
                                .hasAnyRole(ADMIN, EDITOR, WRITER)
                        .requestMatchers(POST, "/api/admin/articles", "/api/admin/articles/*/submit",
                                "/api/admin/articles/*/revisions/*/restore").hasAnyRole(ADMIN, EDITOR, WRITER)
                        .requestMatchers(PUT, "/api/admin/articles/*", "/api/admin/articles/*/related").hasAnyRole(ADMIN, EDITOR, WRITER)
                        .requestMatchers(PATCH, "/api/admin/articles/*").hasAnyRole(ADMIN, EDITOR, WRITER)
                        .requestMatchers("/api/admin/tags/**", "/api/admin/authors/**", "/api/admin/sources/**").hasAnyRole(ADMIN, EDITOR)
                        .requestMatchers("/api/admin/**").hasRole(ADMIN)
                        .anyRequest().permitAll())
                .build();
    }
}
