package io.newsroom.media;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/** Files in a directory on local disk; each written to a temporary name and moved into place, so none is seen half-written. */
final class LocalMediaStore implements MediaStore {

    private final Path root;

    LocalMediaStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException("The media directory " + this.root + " cannot be created", e);
        }
    }

    @Override
    public void put(String key, byte[] bytes, String contentType) {
        write(key, temp -> Files.write(temp, bytes));
    }

    @Override
    public void put(String key, Path file, String contentType) {
        write(key, temp -> Files.copy(file, temp, StandardCopyOption.REPLACE_EXISTING));
    }

    private interface Writer {
        void write(Path temp) throws IOException;
    }

    private void write(String key, Writer writer) {
        Path target = resolve(key);
        try {
            Files.createDirectories(target.getParent());
            Path temp = Files.createTempFile(target.getParent(), ".part-", "");
            try {
                writer.write(temp);
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<byte[]> get(String key) {
        try {
            return Optional.of(Files.readAllBytes(resolve(key)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean copyTo(String key, Path target) {
        try {
            Files.copy(resolve(key), target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(resolve(key));
    }

    @Override
    public Optional<Path> localFile(String key) {
        Path file = resolve(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public void deleteAll(String prefix) {
        Path base = resolve(prefix);
        try {
            if (Files.isRegularFile(base)) {
                Files.deleteIfExists(base);
                return;
            }
            if (!Files.isDirectory(base)) {
                return;
            }
            try (Stream<Path> files = Files.walk(base)) {
                for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Keys are made here from hashes and parsed names, never taken from a request as they are; checked anyway. */
    private Path resolve(String key) {
        Path path = root.resolve(key).normalize();
        if (!path.startsWith(root)) {
            throw new IllegalArgumentException("Key outside the media directory: " + key);
        }
        return path;
    }
}
