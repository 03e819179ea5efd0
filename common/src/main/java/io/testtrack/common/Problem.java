package io.testtrack.common;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem
 * (documented in docs/errors.md); {@code errors} names each offending field of a bad request;
 * {@code extensions} are further members such as {@code currentVersion}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors, @JsonIgnore Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** Extension members appear beside the standard ones, as RFC 9457 places them. */
    @JsonAnyGetter
    public Map<String, Object> members() {
        return extensions == null ? Map.of() : extensions;
    }

    /** One field that failed validation: its path in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
