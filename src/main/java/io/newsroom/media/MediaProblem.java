package io.newsroom.media;

import io.newsroom.problem.ApiProblem;
import org.springframework.http.HttpStatus;

/** Why a photo was refused or cannot be served now; each answers as an RFC 9457 problem. */
public final class MediaProblem extends ApiProblem {

    private MediaProblem(HttpStatus status, String title, String detail) {
        super(status, title, detail);
    }

    static MediaProblem unsupportedType() {
        return new MediaProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported image type",
                "The file is not a JPEG, PNG, WebP or GIF image (told by its content, not its name or declared type)");
    }

    static MediaProblem tooManyBytes(long maxBytes) {
        return new MediaProblem(HttpStatus.CONTENT_TOO_LARGE, "Photo too large", "The file is larger than " + maxBytes + " bytes");
    }

    static MediaProblem tooManyPixels(long width, long height, long maxPixels) {
        return new MediaProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Photo too large",
                "The image declares " + width + " × " + height + " pixels; at most " + maxPixels + " pixels are accepted");
    }

    static MediaProblem corrupt() {
        return new MediaProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable image",
                "The image is truncated or corrupt and cannot be read");
    }

    static MediaProblem emptyFile() {
        return new MediaProblem(HttpStatus.BAD_REQUEST, "Invalid request", "The part 'file' is empty");
    }

    static MediaProblem notFetched(String why) {
        return new MediaProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Photo not fetched", why);
    }

    static MediaProblem busy() {
        MediaProblem problem = new MediaProblem(HttpStatus.SERVICE_UNAVAILABLE, "Too busy",
                "Too many photos are being processed; try again shortly");
        problem.with("retryAfter", 5);
        return problem;
    }
}
