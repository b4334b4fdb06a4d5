package io.newsroom.media;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Where photo files live: keys like {@code originals/<hash>} (editors only) and
 * {@code media/<hash>/<rendition>} (what readers get). Files never change once written: a key's
 * content is fixed by the key, so writing one twice writes the same bytes.
 */
interface MediaStore {

    void put(String key, byte[] bytes, String contentType);

    void put(String key, Path file, String contentType);

    Optional<byte[]> get(String key);

    /** Copies the file at {@code key} to {@code target}; false when there is none. */
    boolean copyTo(String key, Path target);

    boolean exists(String key);

    /** Deletes every file whose key starts with {@code prefix}. */
    void deleteAll(String prefix);

    /** The file on this machine's disk that holds {@code key}, for sending it without reading it: only a local store has one. */
    default Optional<Path> localFile(String key) {
        return Optional.empty();
    }

    /** Where readers fetch a rendition straight from the store (a bucket or CDN), when they do. */
    default Optional<String> publicUrl(String key) {
        return Optional.empty();
    }
}
