package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;

/** The surrogate keys in each CDN's header, with each one's separator and limits. */
class CdnTagHeadersTest {

    @Test
    void eachCdnGetsTheKeysWithItsOwnSeparator() {
        HttpHeaders headers = new HttpHeaders();

        ContentCaching.tag(headers, List.of("articles", "article-1", "author-2"));

        assertThat(headers.getFirst("Surrogate-Key")).isEqualTo("articles article-1 author-2");
        assertThat(headers.getFirst("Cache-Tag")).isEqualTo("articles,article-1,author-2");
        assertThat(headers.getFirst("Edge-Cache-Tag")).isEqualTo("articles,article-1,author-2");
    }

    @Test
    void akamaiIsGivenAtMost128KeysWhichBeginWithTheListsOwn() {
        List<String> keys = new ArrayList<>(List.of("articles"));
        IntStream.range(0, 200).forEach(i -> keys.add("a-" + i));
        HttpHeaders headers = new HttpHeaders();

        ContentCaching.tag(headers, keys);

        assertThat(headers.getFirst("Edge-Cache-Tag").split(",")).hasSize(128).startsWith("articles");
        assertThat(headers.getFirst("Cache-Tag").split(",")).hasSize(201);
    }

    @Test
    void aLongListKeepsItsOwnKeyAndAsManyItemKeysAsFitEveryCdnsHeaderLimit() {
        List<String> keys = new ArrayList<>(List.of("articles"));
        IntStream.range(0, 300).forEach(i -> keys.add("article-" + UUID.randomUUID()));
        HttpHeaders headers = new HttpHeaders();

        ContentCaching.tag(headers, keys);

        for (String header : ContentCaching.TAG_HEADERS) {
            assertThat(headers.getFirst(header)).as(header).startsWith("articles").hasSizeLessThanOrEqualTo(ContentCaching.KEY_HEADER_BUDGET);
        }
        assertThat(headers.getFirst("Surrogate-Key").split(" ")).hasSize(1 + 44); // "articles" and 44 keys of 44 characters
    }
}
