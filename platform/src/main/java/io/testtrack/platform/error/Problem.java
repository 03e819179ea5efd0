package io.testtrack.platform.error;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is a relative URI naming the kind of problem
 * (documented in docs/errors.md); {@code errors} names each offending field of a bad request.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, String requestId,
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One field that failed validation: its path in the request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }
}
