package io.newsroom.content.cache;

import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * The headers of a computed public response that a stored copy of it is served with again (the
 * response cache, stored renderings): all of them except the length, which is the body's, and CORS,
 * which belongs to the origin that asked (the CORS filter adds it to every answer, stored ones too).
 */
final class ResponseHeaders {

    private ResponseHeaders() {
    }

    static List<Map.Entry<String, String>> of(HttpServletResponse response) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (String name : response.getHeaderNames()) {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH) && !name.regionMatches(true, 0, "Access-Control-", 0, 15)) {
                response.getHeaders(name).stream().filter(value -> !isCorsVary(name, value))
                        .forEach(value -> headers.add(Map.entry(name, value)));
            }
        }
        if (response.getContentType() != null && response.getHeader(HttpHeaders.CONTENT_TYPE) == null) {
            headers.add(Map.entry(HttpHeaders.CONTENT_TYPE, response.getContentType()));
        }
        return headers;
    }

    static void write(List<Map.Entry<String, String>> headers, HttpServletResponse response) {
        headers.forEach(header -> response.addHeader(header.getKey(), header.getValue()));
    }

    /** One "name: value" line per header: how a stored rendering keeps them (header values hold no line breaks). */
    static String toText(List<Map.Entry<String, String>> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach(header -> text.append(header.getKey()).append(": ").append(header.getValue()).append('\n'));
        return text.toString();
    }

    static List<Map.Entry<String, String>> fromText(String text) {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            int colon = text.indexOf(": ", start);
            headers.add(Map.entry(text.substring(start, colon), text.substring(colon + 2, end)));
            start = end + 1;
        }
        return headers;
    }

    private static boolean isCorsVary(String name, String value) {
        return name.equalsIgnoreCase(HttpHeaders.VARY) && (value.equalsIgnoreCase(HttpHeaders.ORIGIN)
                || value.regionMatches(true, 0, "Access-Control-Request-", 0, 23));
    }
}
