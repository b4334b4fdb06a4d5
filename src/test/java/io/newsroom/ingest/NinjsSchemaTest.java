package io.newsroom.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.newsroom.support.NinjsSchema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class NinjsSchemaTest {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void theValidatorTellsGoodFromBadIptcExamples() {
        assertThat(NinjsSchema.validate(json.readTree(NinjsSchema.resource("ninjs/should-pass-001.json")))).isEmpty();
        assertThat(NinjsSchema.validate(json.readTree(NinjsSchema.resource("ninjs/should-fail-001.json")))).isNotEmpty();
    }
}
