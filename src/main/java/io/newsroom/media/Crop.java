package io.newsroom.media;

/**
 * An aspect ratio renditions are cut to ({@code 16:9}), or {@link #ORIGINAL}: the photo's own.
 * {@code name} is how it reads in rendition URLs ({@code 16x9}) and the API ({@code 16:9}).
 */
record Crop(int width, int height) {

    static final Crop ORIGINAL = new Crop(0, 0);

    static Crop parse(String ratio) {
        String[] parts = ratio.split("[:x]");
        return new Crop(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    boolean original() {
        return width == 0;
    }

    String urlName() {
        return width + "x" + height;
    }

    /** {@code original} or {@code 16:9}. */
    String label() {
        return original() ? "original" : width + ":" + height;
    }
}
