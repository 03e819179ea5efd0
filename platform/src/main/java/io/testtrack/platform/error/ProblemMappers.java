package io.testtrack.platform.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationCompletionException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.testtrack.common.Problem;
import io.testtrack.platform.correlation.CorrelationId;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Turns every failure into an RFC 9457 {@code application/problem+json} body. Clients see a
 * status, a stable type, a readable detail and the request id; never a stack trace or SQL.
 */
public class ProblemMappers {

    private static final String TYPE_PREFIX = "/problems/";

    @ServerExceptionMapper
    public Response domain(DomainException e, ContainerRequestContext request) {
        Response problem = respond(request, e.status(), e.kind(), e.title(), e.getMessage(), e.errors(), e.extensions());
        if (e.headers().isEmpty()) {
            return problem;
        }
        Response.ResponseBuilder withHeaders = Response.fromResponse(problem);
        e.headers().forEach(withHeaders::header);
        return withHeaders.build();
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class,
            AuthenticationCompletionException.class })
    public Response unauthenticated(RuntimeException e, ContainerRequestContext request) {
        Response problem = respond(request, 401, "unauthorized", "Unauthorized",
                "A valid access token is required.", List.of());
        return Response.fromResponse(problem).header("WWW-Authenticate", "Bearer").build();
    }

    /**
     * A unique or foreign key the checks before a write had passed, broken by a concurrent write
     * that committed first: the loser is told to reload, as with a stale version.
     */
    @ServerExceptionMapper
    public Response constraint(org.hibernate.exception.ConstraintViolationException e, ContainerRequestContext request) {
        String state = e.getSQLState();
        if (state == null || !(state.equals("23505") || state.equals("23503"))) {
            return unexpected(e, request);
        }
        Log.infof("a concurrent change won on %s %s: %s", request.getMethod(), request.getUriInfo().getPath(),
                e.getConstraintName());
        return respond(request, 409, "conflict", "Conflict",
                "Another change made at the same time got there first; reload and try again.", List.of());
    }

    /**
     * PostgreSQL stores no U+0000 in text or jsonb, and says so with one of these states when a
     * client sent it in any field; the write fails whole, and the client is told what to remove.
     */
    @ServerExceptionMapper
    public Response data(org.hibernate.exception.DataException e, ContainerRequestContext request) {
        if (!"22021".equals(e.getSQLState()) && !"22P05".equals(e.getSQLState())) {
            return unexpected(e, request);
        }
        return respond(request, 400, "validation", "Invalid request",
                "A text contains the NUL character (U+0000), which cannot be stored; remove it and send again.", List.of());
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e, ContainerRequestContext request) {
        return respond(request, 403, "forbidden", "Forbidden", "Your role does not allow this action.", List.of());
    }

    @ServerExceptionMapper
    public Response violations(ConstraintViolationException e, ContainerRequestContext request) {
        boolean ourFault = e.getConstraintViolations().stream()
                .flatMap(v -> StreamSupport.stream(v.getPropertyPath().spliterator(), false))
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
        if (ourFault) {
            return unexpected(e, request);
        }
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return respond(request, 400, "validation", "Invalid request", "Invalid value for: " + fields, errors);
    }

    @ServerExceptionMapper
    public Response unreadableBody(MismatchedInputException e, ContainerRequestContext request) {
        return mismatched(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(StreamReadException e, ContainerRequestContext request) {
        return malformed(e, request);
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException e, ContainerRequestContext request) {
        return e instanceof MismatchedInputException mismatch ? mismatched(mismatch, request) : malformed(e, request);
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, ContainerRequestContext request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return json(json, request);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        if (status.getStatusCode() >= 500) {
            return unexpected(e, request);
        }
        return respond(request, status.getStatusCode(), slug(status.getReasonPhrase()), status.getReasonPhrase(),
                e.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, ContainerRequestContext request) {
        Log.errorf(e, "unexpected failure on %s %s", request.getMethod(), request.getUriInfo().getPath());
        return respond(request, 500, "internal", "Internal error",
                "An unexpected error occurred; quote the request id when you report it.", List.of());
    }

    private Response mismatched(MismatchedInputException e, ContainerRequestContext request) {
        String field = pathOf(e);
        String message;
        if (e instanceof InvalidFormatException invalid && invalid.getTargetType() != null && invalid.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(invalid.getTargetType().getEnumConstants());
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e.getTargetType() != null) {
            message = "must be a " + readableType(e.getTargetType());
        } else {
            message = "has the wrong type";
        }
        String name = field.isEmpty() ? "body" : field;
        return respond(request, 400, "validation", "Invalid request", "Invalid value for: " + name,
                List.of(new Problem.FieldError(name, message)));
    }

    private Response malformed(JsonProcessingException e, ContainerRequestContext request) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        return respond(request, 400, "malformed-json", "Malformed JSON", "The request body is not valid JSON" + where + ".",
                List.of());
    }

    private static Response respond(ContainerRequestContext request, int status, String kind, String title, String detail,
            List<Problem.FieldError> errors) {
        return respond(request, status, kind, title, detail, errors, Map.of());
    }

    private static Response respond(ContainerRequestContext request, int status, String kind, String title, String detail,
            List<Problem.FieldError> errors, Map<String, Object> extensions) {
        Object requestId = request.getProperty(CorrelationId.MDC_KEY);
        Problem problem = new Problem(TYPE_PREFIX + kind, title, status, detail, request.getUriInfo().getPath(),
                requestId == null ? CorrelationId.current() : requestId.toString(), errors, extensions);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /** The request field a violation is about: the path below the method and its parameter. */
    private static String fieldOf(ConstraintViolation<?> violation) {
        List<Path.Node> nodes = StreamSupport.stream(violation.getPropertyPath().spliterator(), false).toList();
        String below = nodes.stream()
                .filter(n -> n.getKind() != ElementKind.METHOD && n.getKind() != ElementKind.PARAMETER
                        && n.getKind() != ElementKind.CROSS_PARAMETER && n.getName() != null)
                .map(n -> n.getIndex() != null ? n.getName() + "[" + n.getIndex() + "]" : n.getName())
                .collect(Collectors.joining("."));
        if (!below.isEmpty()) {
            return below;
        }
        return nodes.isEmpty() ? "request" : nodes.get(nodes.size() - 1).getName();
    }

    private static String pathOf(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining("."))
                .replace(".[", "[");
    }

    private static String readableType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "ISO-8601 date-time";
        }
        if (Iterable.class.isAssignableFrom(type) || type.isArray()) {
            return "list";
        }
        return "JSON object";
    }

    private static String slug(String reason) {
        return reason.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }
}
