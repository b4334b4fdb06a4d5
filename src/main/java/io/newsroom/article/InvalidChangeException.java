package io.newsroom.article;

/**
 * A change an article's own rules refuse (a read-also list that names the article itself, an
 * unpublishing time before the publication). The article checks its rules once; the service that
 * asked names the request field when it answers (400, as Bean Validation does).
 */
public class InvalidChangeException extends IllegalArgumentException {

    InvalidChangeException(String message) {
        super(message);
    }
}
