package io.newsroom.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NinjsNegotiationTest {

    @ParameterizedTest(name = "Accept: {0} -> ninjs {1}")
    @CsvSource(delimiter = '|', value = {
            "application/ninjs+json | true",
            "application/ninjs+json, application/json | true",
            "application/json, application/ninjs+json | false",
            "application/json;q=0.5, application/ninjs+json | true",
            "application/ninjs+json;q=0.2, application/json | false",
            "application/ninjs+json, */*;q=0.8 | true",
            "*/*, application/ninjs+json | false",
            "application/ninjs+json;q=0, application/json | false",
            "text/html | false",
            "not a media type at all, application/ninjs+json | false",
    })
    void ninjsOnlyWhenItIsPreferredToJson(String accept, boolean ninjs) {
        assertThat(NinjsDocument.isPreferredBy(accept)).isEqualTo(ninjs);
    }
}
