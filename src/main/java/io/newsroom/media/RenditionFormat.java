package io.newsroom.media;

/** The formats readers get. */
enum RenditionFormat {
    WEBP("webp", "image/webp"),
    JPEG("jpg", "image/jpeg");

    private final String extension;
    private final String mediaType;

    RenditionFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    /** As the API names it: {@code webp}, {@code jpeg}. */
    String apiName() {
        return this == WEBP ? "webp" : "jpeg";
    }

    static RenditionFormat ofExtension(String extension) {
        return extension.equals("webp") ? WEBP : JPEG;
    }

    static RenditionFormat ofSetting(String setting) {
        return setting.equals("webp") ? WEBP : JPEG;
    }
}
