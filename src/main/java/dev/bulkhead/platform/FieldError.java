package dev.bulkhead.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/** One entry of a problem's {@code errors} list: which field was refused and why. */
public final class FieldError {

    private FieldError() {
    }

    /** As a map, so the problem's JSON keeps the order field, reason. */
    public static Map<String, String> of(String field, String reason) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("field", field);
        error.put("reason", reason);
        return error;
    }
}
