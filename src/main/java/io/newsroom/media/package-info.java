/**
 * Photos: the media library editors upload to and articles draw their images from. Every file is
 * checked by its bytes (JPEG, PNG, WebP, GIF), sized from its header before anything is decoded,
 * decoded a bounded number at a time, and what readers get is always re-encoded here (orientation
 * applied, sRGB, no metadata) in the configured widths, formats and crops around the focal point,
 * stored once under immutable, content-addressed URLs on local disk or in an S3-compatible bucket.
 *
 * <p>Modules that reference photos report it through {@link io.newsroom.media.MediaUsage}, so a photo
 * in use is not deleted, without this module depending on them.
 */
@ApplicationModule(displayName = "Photos", allowedDependencies = {
        "outbound",
        "paging",
        "pipeline",
        "problem",
        "text",
        "validation",
})
package io.newsroom.media;

import org.springframework.modulith.ApplicationModule;
