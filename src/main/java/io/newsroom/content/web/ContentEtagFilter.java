package io.newsroom.content.web;

import io.newsroom.content.ContentCaching;
import io.newsroom.content.ConditionalRequests;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.zip.Adler32;
import java.util.zip.CRC32C;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A strong ETag on every public 200, made from the body, and the 304 when the request's conditions
 * hold ({@link ConditionalRequests}). The fingerprint is CRC32C (a CPU instruction on x86 and ARM)
 * and Adler-32 with the length: MD5, Spring's ShallowEtagHeaderFilter's, was a large share of the CPU
 * of an uncached article request, and an ETag only has to tell two versions of one URL's body apart.
 *
 * <p>A HEAD request passes on as the GET it stands for: the servlet answers HEAD by running the GET
 * handler and dropping the body before a filter sees it, so HEAD would have no ETag and could not be
 * revalidated. Tomcat sends no body for a HEAD request whatever is written.
 */
class ContentEtagFilter extends OncePerRequestFilter {

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !HttpMethod.GET.matches(request.getMethod()) && !HttpMethod.HEAD.matches(request.getMethod()) || ContentCaching.isPrivate(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper body = new ContentCachingResponseWrapper(response);
        chain.doFilter(HttpMethod.HEAD.matches(request.getMethod()) ? new AsGet(request) : request, body);
        if (body.getStatus() == HttpServletResponse.SC_OK && !response.isCommitted() && !noStore(body)) {
            String etag = etag(body.getContentAsByteArray(), body.getContentSize());
            body.setHeader(HttpHeaders.ETAG, etag);
            long lastModified = ConditionalRequests.lastModified(body.getHeader(HttpHeaders.LAST_MODIFIED));
            if (ConditionalRequests.isNotModified(request, etag, lastModified)) {
                body.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
                body.resetBuffer(); // a 304 has no body, and no Content-Length of the one it stands for
                return;
            }
        }
        body.copyBodyToResponse();
    }

    private static boolean noStore(HttpServletResponse response) {
        String cacheControl = response.getHeader(HttpHeaders.CACHE_CONTROL);
        return cacheControl != null && cacheControl.contains("no-store");
    }

    static String etag(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        Adler32 adler = new Adler32();
        crc.update(bytes, 0, length);
        adler.update(bytes, 0, length);
        return "\"" + Long.toHexString(crc.getValue()) + Long.toHexString(adler.getValue()) + Long.toHexString(length) + "\"";
    }

    private static final class AsGet extends HttpServletRequestWrapper {

        AsGet(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getMethod() {
            return HttpMethod.GET.name();
        }
    }
}
