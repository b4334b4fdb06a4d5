package io.newsroom.pipeline;

import jakarta.servlet.Filter;
import java.util.Locale;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.boot.servlet.filter.OrderedFormContentFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * The servlet filters every request meets (public reads, previews and the admin API alike), in the
 * order it meets them: ours, each registered through its step here, and Spring's, at the orders
 * Spring gives them. A filter's place is its position in this list; no other file holds an order.
 * After the last one Tomcat adds its own WebSocket filter, then Spring MVC's dispatcher answers.
 *
 * <p>A step of ours takes the order just after the Spring filter above it (plus one per step between),
 * so it lands between the same two Spring filters as in this list. Ours above Spring's first filter
 * share its order, the highest there is: Spring Boot puts registered filters ahead of plain filter
 * beans of the same order, and its character-encoding filter is one. RequestPipelineIT checks the
 * running server's chain against this list.
 */
public enum RequestPipeline {

    /** {@code preview.PreviewHeaders}: every answer under a preview URL is private; it only adds headers, so it may come first. */
    PREVIEW_HEADERS,

    /** {@code problem.DatabaseOutageFilter}: around all that follows, so a database outage met anywhere is the 503 problem. */
    DATABASE_OUTAGE_FILTER,

    /** Spring's: request bodies and parameters read as UTF-8 unless they say otherwise. */
    CHARACTER_ENCODING_FILTER(Ordered.HIGHEST_PRECEDENCE),

    /** Spring's HTTP server observation: every request from here on is timed and counted, response-cache hits included. */
    WEB_MVC_OBSERVATION_FILTER(Ordered.HIGHEST_PRECEDENCE + 1),

    /** {@code content.PublicCors}: before the response cache, so a cached answer gets the CORS headers of the origin asking now. */
    PUBLIC_CORS,

    /**
     * {@code content.cache.ContentCacheFilter}: as early as it can, since a hit needs nothing below; it keys on the raw
     * query string and holds only what was answered 200, so a hit needs no strict decoding either.
     */
    CONTENT_RESPONSE_CACHE,

    /**
     * {@code media.web.RenditionFilter}: beside the response cache and for the same reason, a photo's rendition sent a
     * moment ago is answered from memory; public, immutable files need none of the guards, admission or security below.
     */
    MEDIA_RENDITIONS,

    /**
     * {@code problem.RequestSizeLimitFilter}: after the response cache, which takes only GET and HEAD; before the body
     * charsets, so it counts the bytes as sent.
     */
    REQUEST_SIZE_LIMIT_FILTER,

    /** {@code request.StrictQueryParameters}: before anything reads a parameter, so an undecodable one is a 400 everywhere. */
    STRICT_QUERY_PARAMETERS,

    /** {@code request.BodyCharsets}: before anything reads a body, so every reader gets UTF-8 or the request a 415. */
    BODY_CHARSETS,

    /**
     * {@code content.web.ReadAdmission}: after the response cache, because a cached answer costs too little to queue, and
     * after the guards, which refuse a bad request without making it wait for a turn.
     */
    READ_ADMISSION,

    /**
     * {@code content.cache.StoredRenderingFilter}: after admission, so reads of stored article pages are taken in turn
     * too; before Spring Security and Spring MVC, whose per-request work a stored page does without.
     */
    STORED_RENDERINGS,

    /** Spring's request wrappers, this and the next, just before Spring Security: form-encoded bodies read as parameters. */
    FORM_CONTENT_FILTER(OrderedFormContentFilter.DEFAULT_ORDER),

    /** Spring's: the request bound to the thread, for whatever needs it without being handed it. */
    REQUEST_CONTEXT_FILTER(OrderedFilter.REQUEST_WRAPPER_FILTER_MAX_ORDER - 105),

    /**
     * Spring Security ({@code security.SecurityConfiguration}, API keys included), at spring.security.filter.order left
     * at its default: after every step above, since those that answer (the response cache, stored renderings) serve
     * only what anyone may read.
     */
    SPRING_SECURITY_FILTER_CHAIN(SecurityFilterProperties.DEFAULT_FILTER_ORDER),

    /**
     * {@code content.web.ContentEtagFilter}: closest to the controllers, since it fingerprints the body they computed;
     * answers from the response cache or a stored rendering carry the ETag stored with them.
     */
    CONTENT_ETAGS,

    /** Spring's, for the server-rendered pages: links to static resources carry their versions. */
    RESOURCE_URL_ENCODING_FILTER(Ordered.LOWEST_PRECEDENCE);

    /** The order Spring gives its own filter; null for ours. */
    private final Integer springOrder;

    RequestPipeline() {
        this.springOrder = null;
    }

    RequestPipeline(int springOrder) {
        this.springOrder = springOrder;
    }

    /** The registration of this step's filter, for the given URL patterns (every request's when none are given). */
    public <F extends Filter> FilterRegistrationBean<F> register(F filter, String... urlPatterns) {
        Assert.state(springOrder == null, () -> name() + " is Spring's own filter; Spring registers it");
        FilterRegistrationBean<F> registration = new FilterRegistrationBean<>(filter);
        registration.setName(filterName());
        registration.setOrder(order());
        registration.addUrlPatterns(urlPatterns);
        return registration;
    }

    /** The filter's name in the servlet container: the step's name in camel case. */
    public String filterName() {
        StringBuilder name = new StringBuilder();
        for (String word : name().toLowerCase(Locale.ROOT).split("_")) {
            name.append(name.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return name.toString();
    }

    int order() {
        if (springOrder != null) {
            return springOrder;
        }
        RequestPipeline[] steps = values();
        for (int above = ordinal() - 1; above >= 0; above--) {
            if (steps[above].springOrder != null) {
                return steps[above].springOrder + (ordinal() - above);
            }
        }
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
