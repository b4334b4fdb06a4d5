package io.newsroom.request;

import io.newsroom.problem.ProblemBodies;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Set;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The charset a request body declares, decided once for every endpoint: a charset that does not
 * exist or that this JVM cannot decode is a 415 problem; a real one other than UTF-8 (windows-1256
 * from an old Arabic desktop tool, UTF-16, ISO-8859-1) is decoded as declared and handed on as UTF-8,
 * so JSON, merge patches and NDJSON imports all read one encoding. Bytes that are not valid in the
 * declared charset fail the read (a 400), never turn silently into replacement characters.
 * A wildcard type ({@code *}{@code /*}, {@code application/*}) says nothing of what the body is, and
 * Spring cannot even hold it as a request's Content-Type: it is the 415 any other unusable type gets.
 */
class BodyCharsets extends OncePerRequestFilter {

    private static final Set<String> BODY_METHODS = Set.of("POST", "PUT", "PATCH");

    private final JsonMapper json;

    BodyCharsets(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return request.getHeader(HttpHeaders.CONTENT_TYPE) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        MediaType type;
        Charset charset;
        try {
            type = MediaType.parseMediaType(request.getHeader(HttpHeaders.CONTENT_TYPE));
            charset = type.getCharset();
        } catch (InvalidMediaTypeException | IllegalCharsetNameException | UnsupportedCharsetException e) {
            unsupported(response, "The Content-Type header cannot be read or names a charset that does not exist here; send the body as UTF-8"
                    + " (e.g. Content-Type: application/json; charset=UTF-8)");
            return;
        }
        if (type.isWildcardType() || type.isWildcardSubtype()) {
            if (BODY_METHODS.contains(request.getMethod())) {
                unsupportedType(response, type);
                return;
            }
            chain.doFilter(request, response); // a GET or DELETE has no body to read: the header is ignored, as it was
            return;
        }
        if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
            chain.doFilter(request, response);
            return;
        }
        if (!isDecodable(charset)) {
            unsupported(response, "The charset " + charset.name() + " cannot be decoded here; send the body as UTF-8");
            return;
        }
        MediaType utf8 = new MediaType(type, StandardCharsets.UTF_8);
        chain.doFilter(new Transcoded(request, charset, utf8.toString()), response);
    }

    private static boolean isDecodable(Charset charset) {
        try {
            charset.newDecoder();
            return true;
        } catch (UnsupportedOperationException e) {
            return false;
        }
    }

    /** Spring's own 415 for a type no endpoint reads, with its title and words. */
    private void unsupportedType(HttpServletResponse response, MediaType type) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                "Content-Type '" + type + "' is not supported; name the body's own type, e.g. application/json");
        problem.setTitle(HttpStatus.UNSUPPORTED_MEDIA_TYPE.getReasonPhrase());
        ProblemBodies.write(json, response, problem);
    }

    private void unsupported(HttpServletResponse response, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNSUPPORTED_MEDIA_TYPE, detail);
        problem.setTitle("Unsupported charset");
        ProblemBodies.write(json, response, problem);
    }

    /** The request with its body decoded from the declared charset and offered as UTF-8. */
    private static final class Transcoded extends HttpServletRequestWrapper {

        private final Charset declared;
        private final String contentType;
        private ServletInputStream stream;

        Transcoded(HttpServletRequest request, Charset declared, String contentType) {
            super(request);
            this.declared = declared;
            this.contentType = contentType;
        }

        @Override
        public String getContentType() {
            return contentType;
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? contentType : super.getHeader(name);
        }

        @Override
        public java.util.Enumeration<String> getHeaders(String name) {
            return HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name) ? java.util.Collections.enumeration(java.util.List.of(contentType))
                    : super.getHeaders(name);
        }

        @Override
        public String getCharacterEncoding() {
            return StandardCharsets.UTF_8.name();
        }

        @Override
        public long getContentLengthLong() {
            return -1; // the length of the UTF-8 form is not known in advance
        }

        @Override
        public int getContentLength() {
            return -1;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                Reader reader = new InputStreamReader(super.getInputStream(), declared.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
                stream = new Utf8Stream(reader);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    /** UTF-8 bytes of what a reader yields, a chunk at a time; a surrogate pair split by a chunk is kept whole. */
    private static final class Utf8Stream extends ServletInputStream {

        private final Reader reader;
        private final char[] chars = new char[8192];
        private int carried = -1;
        private byte[] buffer = new byte[0];
        private int position;
        private boolean finished;

        Utf8Stream(Reader reader) {
            this.reader = reader;
        }

        @Override
        public int read() throws IOException {
            if (!fill()) {
                return -1;
            }
            return buffer[position++] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!fill()) {
                return -1;
            }
            int count = Math.min(length, buffer.length - position);
            System.arraycopy(buffer, position, target, offset, count);
            position += count;
            return count;
        }

        private boolean fill() throws IOException {
            while (position >= buffer.length) {
                if (finished) {
                    return false;
                }
                int start = 0;
                if (carried >= 0) {
                    chars[0] = (char) carried;
                    carried = -1;
                    start = 1;
                }
                int read = reader.read(chars, start, chars.length - start);
                int length = start + Math.max(read, 0);
                if (read < 0) {
                    finished = true;
                } else if (length > 0 && Character.isHighSurrogate(chars[length - 1])) {
                    carried = chars[--length];
                }
                buffer = new String(chars, 0, length).getBytes(StandardCharsets.UTF_8);
                position = 0;
            }
            return true;
        }

        @Override
        public boolean isFinished() {
            return finished && position >= buffer.length;
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("request bodies are read blocking");
        }
    }
}
