package io.newsroom.request;

import io.newsroom.problem.InvalidRequestProblem;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * A parameter that takes one value, given twice ({@code ?status=DRAFT&status=BOGUS}), is a 400
 * naming it, on every endpoint: Spring would bind the first value and never look at the others, or
 * join them with commas, so an invalid value could pass unchecked. Parameters declared as lists or
 * arrays take several values, each converted and checked by Spring as usual.
 */
class SingleValuedParameters implements HandlerInterceptor {

    /** The single-valued query parameters of each handler method, found once. */
    private final Map<HandlerMethod, List<String>> singleValued = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!(handler instanceof HandlerMethod method) || request.getQueryString() == null) {
            return true;
        }
        for (String name : singleValued.computeIfAbsent(method, SingleValuedParameters::singleValuedNames)) {
            String[] values = request.getParameterValues(name);
            if (values != null && values.length > 1) {
                throw new InvalidRequestProblem(name, "given " + values.length + " times; it takes one value");
            }
        }
        return true;
    }

    private static List<String> singleValuedNames(HandlerMethod method) {
        return java.util.Arrays.stream(method.getMethodParameters())
                .filter(p -> p.hasParameterAnnotation(RequestParam.class))
                .filter(p -> !isMultiValued(p))
                .map(SingleValuedParameters::name)
                .filter(name -> !name.isEmpty())
                .toList();
    }

    private static boolean isMultiValued(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type.isArray() || Collection.class.isAssignableFrom(type) || Map.class.isAssignableFrom(type);
    }

    private static String name(MethodParameter parameter) {
        RequestParam annotation = parameter.getParameterAnnotation(RequestParam.class);
        String name = annotation == null ? "" : !annotation.name().isEmpty() ? annotation.name() : annotation.value();
        if (name.isEmpty()) {
            String discovered = parameter.getParameterName();
            return discovered == null ? "" : discovered;
        }
        return name;
    }
}
