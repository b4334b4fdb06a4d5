package io.newsroom.media;

/** One file readers can get: its URL, size, format, and the crop it belongs to ({@code original}, {@code 16:9}). */
public record Rendition(String url, int width, int height, String format, String crop) {
}
