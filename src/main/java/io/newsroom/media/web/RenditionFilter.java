package io.newsroom.media.web;

import io.newsroom.media.MediaFiles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a rendition sent a moment ago from memory ({@link MediaFiles#recentlyServed}), before the
 * request guards, admission, security and Spring MVC, none of which a public immutable file needs:
 * a popular photo then costs about what a cached article costs. Anything else goes on to
 * {@link PublicMediaController}, which finds the file in the library and keeps it for the next reader.
 */
class RenditionFilter extends OncePerRequestFilter {

    /** The controller's mapping; the filter answers the same URLs and no others. */
    static final String PATH = "/media/{hash:[0-9a-f]{64}}/{name}";
    private static final Pattern URL = Pattern.compile("/media/([0-9a-f]{64})/([^/]+)");

    private final MediaFiles files;

    RenditionFilter(MediaFiles files) {
        this.files = files;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String method = request.getMethod();
        return !("GET".equals(method) || "HEAD".equals(method));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Matcher url = URL.matcher(request.getRequestURI().substring(request.getContextPath().length()));
        Optional<MediaFiles.Served> sent = url.matches()
                ? files.recentlyServed(url.group(1), url.group(2), request.getHeader(HttpHeaders.ACCEPT))
                : Optional.empty();
        if (sent.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        MediaFiles.Served served = sent.get();
        RenditionHeaders.of(served).forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (RenditionHeaders.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), served.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(served.mediaType());
        response.setContentLength(served.bytes().length);
        if ("GET".equals(request.getMethod())) {
            response.getOutputStream().write(served.bytes());
        }
    }
}
