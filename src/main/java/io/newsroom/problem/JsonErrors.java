package io.newsroom.problem;

import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/** A user-facing sentence for an unreadable JSON body: where it went wrong, never which Java class failed. */
public final class JsonErrors {

    private JsonErrors() {
    }

    static String describe(HttpMessageNotReadableException e) {
        return describe(e.getMostSpecificCause());
    }

    /** The same for JSON read by the application itself (a line of a bulk import). */
    public static String describe(Throwable cause) {
        if (cause instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + unknown.getPropertyName() + "'";
        }
        if (cause instanceof InvalidFormatException invalid) {
            return "Field '" + path(invalid) + "' has a value of the wrong type or format";
        }
        if (cause instanceof MismatchedInputException mismatched) {
            return "Field '" + path(mismatched) + "' has a value of the wrong type";
        }
        if (cause instanceof JacksonException) {
            return "The request body is not valid JSON";
        }
        return "The request body is missing or unreadable";
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "(body)" : path.toString();
    }
}
