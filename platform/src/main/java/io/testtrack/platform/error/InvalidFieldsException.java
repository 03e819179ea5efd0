package io.testtrack.platform.error;

import io.testtrack.common.Problem;
import java.util.List;
import java.util.stream.Collectors;

/** Fields of a request break rules only the domain knows (a custom field's type, a step's order). */
public class InvalidFieldsException extends DomainException {

    private final List<Problem.FieldError> errors;

    public InvalidFieldsException(List<Problem.FieldError> errors) {
        super(400, "validation", "Invalid request",
                "Invalid value for: " + errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", ")));
        this.errors = List.copyOf(errors);
    }

    public InvalidFieldsException(String field, String message) {
        this(List.of(new Problem.FieldError(field, message)));
    }

    @Override
    public List<Problem.FieldError> errors() {
        return errors;
    }
}
