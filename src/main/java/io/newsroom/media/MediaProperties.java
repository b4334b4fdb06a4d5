package io.newsroom.media;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.List;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Photos ({@code newsroom.media.*}).
 *
 * @param directory      where the local store keeps originals and renditions (when no S3 bucket is set)
 * @param maxPixels      larger images (width × height, read from the header) are refused undecoded
 * @param maxBytes       larger files are refused
 * @param widths         rendition widths; an image is never enlarged, so a narrow one has fewer
 * @param crops          aspect ratios (width:height) cut around the focal point, beside the original ratio
 * @param formats        rendition formats: {@code webp} (Debian's cwebp) and {@code jpeg}
 * @param decodesAtOnce  images decoded at the same time; others wait up to {@code decodeWait}
 * @param decodeWait     how long an upload waits for a decoding slot before it is answered 503
 * @param jpegQuality    JPEG quality of renditions, 1 to 100
 * @param webpQuality    WebP quality of renditions, 1 to 100
 * @param cwebp          the cwebp program that writes WebP renditions
 * @param publicBaseUrl  where readers fetch renditions when not from this service (a bucket's or CDN's URL)
 * @param servedMemory   memory for rendition files recently sent, answered again without a query or a file read
 * @param fetch          how photos are fetched from URLs (an editor's, feed items', ninjs documents')
 * @param s3             the S3-compatible bucket; with an endpoint or bucket set, files are kept there
 */
@Validated
@ConfigurationProperties("newsroom.media")
public record MediaProperties(
        @DefaultValue("data/media") @NotBlank String directory,
        @DefaultValue("60000000") @Min(1) long maxPixels,
        @DefaultValue("40MB") DataSize maxBytes,
        @DefaultValue({"320", "640", "960", "1280", "1920"}) @NotEmpty List<@Min(16) @Max(8192) Integer> widths,
        @DefaultValue({"16:9", "1:1", "4:3"}) List<@Pattern(regexp = "[1-9][0-9]?:[1-9][0-9]?") String> crops,
        @DefaultValue({"webp", "jpeg"}) @NotEmpty List<@Pattern(regexp = "webp|jpeg") String> formats,
        @DefaultValue("2") @Min(1) @Max(64) int decodesAtOnce,
        @DefaultValue("30s") @DurationMin(millis = 1) Duration decodeWait,
        @DefaultValue("82") @Min(1) @Max(100) int jpegQuality,
        @DefaultValue("80") @Min(1) @Max(100) int webpQuality,
        @DefaultValue("cwebp") @NotBlank String cwebp,
        String publicBaseUrl,
        @DefaultValue("32MB") DataSize servedMemory,
        @DefaultValue @Valid Fetch fetch,
        @DefaultValue @Valid S3 s3) {

    /**
     * @param connectTimeout      how long the photo's server may take to accept the connection
     * @param readTimeout         how long the whole fetch may take
     * @param maxRedirects        redirects followed, each hop checked like the first
     * @param allowPrivateTargets whether photos may be fetched from loopback, private, link-local or metadata addresses
     */
    public record Fetch(
            @DefaultValue("5s") @DurationMin(millis = 1) Duration connectTimeout,
            @DefaultValue("20s") @DurationMin(millis = 1) Duration readTimeout,
            @DefaultValue("3") @Min(0) @Max(10) int maxRedirects,
            @DefaultValue("false") boolean allowPrivateTargets) {
    }

    /** An S3-compatible bucket (AWS, MinIO, Ceph, R2...); path-style requests when an endpoint is given. */
    public record S3(String endpoint, String bucket, @DefaultValue("us-east-1") String region, String accessKey, String secretKey) {

        public boolean configured() {
            return bucket != null && !bucket.isBlank();
        }
    }

    public boolean webp() {
        return formats.contains("webp");
    }

    public int widestRendition() {
        return widths.stream().mapToInt(Integer::intValue).max().orElseThrow();
    }
}
