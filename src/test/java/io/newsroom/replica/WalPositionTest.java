package io.newsroom.replica;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WalPositionTest {

    private static final long PAGE = 8192;
    private static final long SEGMENT = 16 * 1024 * 1024;

    @Test
    void anInsertPositionInsideAPageIsWhereTheLastRecordEnded() {
        assertThat(WalPosition.lastRecordEnd(5 * PAGE + 1000, PAGE, SEGMENT)).isEqualTo(5 * PAGE + 1000);
    }

    @Test
    void anInsertPositionJustPastAPageHeaderIsThePageBoundary() {
        assertThat(WalPosition.lastRecordEnd(5 * PAGE + 24, PAGE, SEGMENT)).isEqualTo(5 * PAGE);
    }

    @Test
    void aSegmentOpensWithTheLongHeader() {
        assertThat(WalPosition.lastRecordEnd(3 * SEGMENT + 40, PAGE, SEGMENT)).isEqualTo(3 * SEGMENT);
        assertThat(WalPosition.lastRecordEnd(3 * SEGMENT + 24, PAGE, SEGMENT)).as("inside the long header: no record ends there")
                .isEqualTo(3 * SEGMENT + 24);
        assertThat(WalPosition.lastRecordEnd(5 * PAGE + 40, PAGE, SEGMENT)).as("a record may end 40 bytes into an ordinary page")
                .isEqualTo(5 * PAGE + 40);
    }
}
