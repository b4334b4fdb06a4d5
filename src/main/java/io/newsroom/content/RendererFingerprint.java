package io.newsroom.content;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * What a stored representation of an article (a rendering, a summary) depends on besides the
 * article, as a fingerprint: the settings it shows, and the code that writes it, seen through its
 * output for a sample article with every field set. A release that writes anything differently (a
 * field added, renamed, formatted otherwise) has another fingerprint and writes every article anew;
 * one that does not keeps what earlier instances stored.
 */
public final class RendererFingerprint {

    private RendererFingerprint() {
    }

    /** The fingerprint of {@code settings} and of each of {@code renderings} applied to the sample article. */
    @SafeVarargs
    public static String of(JsonMapper json, String settings, Function<PublicArticle, Object>... renderings) {
        PublicArticle sample = sample();
        // Map.of's iteration order changes from one JVM to the next, and with it the order of the
        // JSON-LD's and ninjs' keys: sorted here, so that the fingerprint is the same on every instance
        JsonMapper sorted = json.rebuild().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(settings.getBytes(StandardCharsets.UTF_8));
            for (Function<PublicArticle, Object> rendering : renderings) {
                digest.update(sorted.writeValueAsBytes(rendering.apply(sample)));
            }
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PublicArticle sample() {
        Instant at = Instant.parse("2026-01-02T03:04:05.678Z");
        UUID id = UUID.fromString("00000000-0000-4000-8000-000000000001");
        PublicArticle.SourceRef source = new PublicArticle.SourceRef(id, "مصدر", "مصدر", "https://example.com/");
        return new PublicArticle(id, "عينة", "ar", "rtl", "عنوان", "عنوان فرعي", "<p>نص</p>", "مقتطف", "كاتب", source,
                "https://example.com/a", new PublicArticle.ImageRef("https://example.com/i.jpg", "تعليق", "حقوق"),
                List.of(new PublicArticle.TagRef(id, "وسم", "وسم")),
                List.of(new PublicArticle.AuthorCredit(id, "كاتب", "كاتب", "https://example.com/authors/كاتب")), List.of(new PublicArticle.RelatedRef(id, "آخر", "عنوان آخر", at)),
                List.of(new PublicArticle.TranslationRef("en", "sample", "Headline", "https://example.com/en", true)),
                List.of(new PublicArticle.ReportRef(source, "https://example.com/r", at)), true, at, at, at);
    }
}
