package io.newsroom.request;

import io.newsroom.problem.InvalidRequestProblem;
import io.newsroom.problem.ProblemBodies;
import io.newsroom.text.CleanText;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Decodes the query string itself, strictly, before anything reads a parameter: a value that is
 * not percent-encoded UTF-8 (Tomcat threw while Spring bound it, which answered 500) is a 400
 * problem naming the parameter, on every endpoint. The values the application then sees are
 * cleaned one-line text ({@link CleanText#line}). The raw query string stays as sent (the
 * response cache keys on it).
 */
class StrictQueryParameters extends OncePerRequestFilter {

    private final JsonMapper json;

    StrictQueryParameters(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String query = request.getQueryString();
        if (query == null || query.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = parse(query);
        } catch (InvalidRequestProblem problem) {
            ProblemBodies.write(json, response, ProblemBodies.of(problem));
            return;
        }
        chain.doFilter(new Decoded(request, parameters), response);
    }

    /** Name to values, in the order given; names and values percent-decoded as UTF-8 ({@code +} is a space). */
    static Map<String, String[]> parse(String query) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String rawName = equals < 0 ? pair : pair.substring(0, equals);
            String name = CleanText.line(decode(rawName, null));
            String value = equals < 0 ? "" : CleanText.line(decode(pair.substring(equals + 1), name));
            values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        Map<String, String[]> parameters = new LinkedHashMap<>();
        values.forEach((name, list) -> parameters.put(name, list.toArray(String[]::new)));
        return Collections.unmodifiableMap(parameters);
    }

    /** {@code parameter}: the name to give in the problem (null while decoding the name itself). */
    private static String decode(String raw, String parameter) {
        if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
            return raw;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '+') {
                bytes.write(' ');
            } else if (c != '%') {
                byte[] encoded = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                bytes.write(encoded, 0, encoded.length);
            } else {
                int high = i + 2 < raw.length() ? Character.digit(raw.charAt(i + 1), 16) : -1;
                int low = high < 0 ? -1 : Character.digit(raw.charAt(i + 2), 16);
                if (low < 0) {
                    throw invalid(parameter, raw, "a '%' must be followed by two hexadecimal digits");
                }
                bytes.write(high * 16 + low);
                i += 2;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray())).toString();
        } catch (CharacterCodingException e) {
            throw invalid(parameter, raw, "its percent-encoded bytes are not UTF-8");
        }
    }

    private static InvalidRequestProblem invalid(String parameter, String raw, String why) {
        String field = parameter != null ? parameter : "query";
        String what = parameter != null ? "the value" : "the parameter name '" + raw + "'";
        return new InvalidRequestProblem(field, what + " is not valid percent-encoded UTF-8: " + why);
    }

    /** The request with the strictly decoded, cleaned parameters in place of the container's. */
    private static final class Decoded extends HttpServletRequestWrapper {

        private final Map<String, String[]> parameters;

        Decoded(HttpServletRequest request, Map<String, String[]> parameters) {
            super(request);
            this.parameters = parameters;
        }

        @Override
        public String getParameter(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values[0];
        }

        @Override
        public String[] getParameterValues(String name) {
            String[] values = parameters.get(name);
            return values == null ? null : values.clone();
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return parameters;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(parameters.keySet());
        }
    }
}
