package io.newsroom.request;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/** Content negotiation for endpoints with a second form beside JSON (ninjs, HTML). */
public final class AcceptHeader {

    private AcceptHeader() {
    }

    /**
     * Whether the Accept header asks for {@code wanted} before {@code otherwise}: the first of its
     * types by quality (ties keep their order) that names either decides; {@code *}/{@code *}, an
     * absent or a malformed header keep {@code otherwise}.
     */
    public static boolean prefers(String accept, MediaType wanted, MediaType otherwise) {
        if (accept == null || accept.isBlank()) {
            return false;
        }
        List<MediaType> types;
        try {
            types = new ArrayList<>(MediaType.parseMediaTypes(accept));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
        types.sort(Comparator.comparingDouble(MediaType::getQualityValue).reversed());
        for (MediaType type : types) {
            if (type.getQualityValue() == 0) {
                continue;
            }
            if (type.equalsTypeAndSubtype(wanted)) {
                return true;
            }
            if (type.includes(otherwise)) {
                return false;
            }
        }
        return false;
    }
}
