package io.newsroom.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * What each conditional GET of a public URL must get (RFC 9110, 13.1-13.2), asked in the same way
 * of responses computed now (ContentCachingIT) and of those held by the response cache
 * (ResponseCacheIT): one rule, so the same answers.
 */
public final class ConditionalRequestMatrix {

    private ConditionalRequestMatrix() {
    }

    public static void check(Api api, String uri) {
        Api.Result fresh = api.get(uri);
        assertThat(fresh.status()).as(uri).isEqualTo(200);
        String etag = fresh.header("ETag");
        String lastModified = fresh.header("Last-Modified");
        String future = DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().plusSeconds(3600).atOffset(ZoneOffset.UTC));
        String past = "Sat, 01 Jan 2000 00:00:00 GMT";
        assertThat(api.get(uri, "If-None-Match", etag).status()).as("matching ETag").isEqualTo(304);
        assertThat(api.get(uri, "If-None-Match", "W/" + etag).status()).as("weak comparison").isEqualTo(304);
        assertThat(api.get(uri, "If-None-Match", "\"other\", " + etag).status()).as("one of a list").isEqualTo(304);
        assertThat(api.get(uri, "If-None-Match", "*").status()).as("any").isEqualTo(304);
        assertThat(api.get(uri, "If-None-Match", "\"other\"").status()).as("another ETag").isEqualTo(200);
        assertThat(api.get(uri, "If-None-Match", "\"other\"", "If-Modified-Since", future).status())
                .as("If-None-Match decides alone").isEqualTo(200);
        assertThat(api.send("HEAD", uri, null, null, "If-None-Match", etag).status()).as("HEAD").isEqualTo(304);
        Api.Result notModified = api.get(uri, "If-None-Match", etag);
        assertThat(notModified.body()).as("a 304 has no body").isEmpty();
        assertThat(notModified.header("ETag")).isEqualTo(etag);
        if (lastModified != null) {
            assertThat(api.get(uri, "If-Modified-Since", lastModified).status()).as("not modified since").isEqualTo(304);
            assertThat(api.get(uri, "If-Modified-Since", future).status()).as("a later date").isEqualTo(304);
            assertThat(api.get(uri, "If-Modified-Since", past).status()).as("modified since").isEqualTo(200);
        }
        assertThat(api.get(uri, "If-Modified-Since", "yesterday").status()).as("an unreadable date is ignored").isEqualTo(200);
    }
}
