package io.newsroom.ingest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * {@code newsroom_ingest_documents_total{via, outcome}}: ingested documents by the way they came
 * (ninjs, bulk) and what became of them (created, updated, unchanged, stale, failed).
 */
@Component
public class IngestMetrics {

    private final MeterRegistry registry;

    IngestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String via, String outcome, long documents) {
        if (documents > 0) {
            Counter.builder("newsroom.ingest.documents").description("Ingested documents by way in and outcome")
                    .tag("via", via).tag("outcome", outcome.toLowerCase(Locale.ROOT)).register(registry).increment(documents);
        }
    }
}
