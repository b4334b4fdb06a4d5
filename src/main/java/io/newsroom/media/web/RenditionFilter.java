package io.newsroom.media.web;

import io.newsroom.media.MediaFiles;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a rendition sent a moment ago ({@link MediaFiles#recentlyServed}) before the request guards,
 * admission, security and Spring MVC, none of which a public immutable file needs; a file on local disk
 * is handed to Tomcat to send straight from the file (sendfile: no copy through the heap), as its own
 * static file servlet does. Anything else goes on to {@link PublicMediaController}, which finds the
 * file in the library and remembers it for the next reader.
 */
class RenditionFilter extends OncePerRequestFilter {

    /** The controller's mapping; the filter answers the same URLs and no others. */
    static final String PATH = "/media/{hash:[0-9a-f]{64}}/{name}";
    private static final Pattern URL = Pattern.compile("/media/([0-9a-f]{64})/([^/]+)");
    /** Tomcat's request attributes for sending a file from disk (its {@code Globals.SENDFILE_*}). */
    private static final String SENDFILE_SUPPORTED = "org.apache.tomcat.sendfile.support";
    private static final String SENDFILE_FILENAME = "org.apache.tomcat.sendfile.filename";
    private static final String SENDFILE_START = "org.apache.tomcat.sendfile.start";
    private static final String SENDFILE_END = "org.apache.tomcat.sendfile.end";

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
        Optional<MediaFiles.Sent> recent = url.matches()
                ? files.recentlyServed(url.group(1), url.group(2), request.getHeader(HttpHeaders.ACCEPT))
                : Optional.empty();
        if (recent.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        MediaFiles.Sent sent = recent.get();
        RenditionHeaders.of(url.group(1), sent.etag(), sent.negotiated()).forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
        if (RenditionHeaders.notModified(request.getHeader(HttpHeaders.IF_NONE_MATCH), sent.etag())) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(sent.mediaType());
        response.setContentLengthLong(sent.length());
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        if (sent.bytes() != null) {
            response.getOutputStream().write(sent.bytes());
        } else if (Boolean.TRUE.equals(request.getAttribute(SENDFILE_SUPPORTED))) {
            request.setAttribute(SENDFILE_FILENAME, sent.file().toString());
            request.setAttribute(SENDFILE_START, 0L);
            request.setAttribute(SENDFILE_END, sent.length());
        } else {
            Files.copy(sent.file(), response.getOutputStream());
        }
    }
}
