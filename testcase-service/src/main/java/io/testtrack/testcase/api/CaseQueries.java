package io.testtrack.testcase.api;

import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.testcase.domain.CaseQuery;
import io.testtrack.testcase.domain.CaseSort;
import io.testtrack.testcase.domain.CaseStatus;
import io.testtrack.testcase.domain.CaseType;
import io.testtrack.testcase.domain.Cursor;
import io.testtrack.testcase.domain.Priority;
import io.testtrack.testcase.domain.Tags;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads a search from query parameters: {@code projectId}, {@code q}, {@code suiteId},
 * {@code tags}, {@code priority}, {@code status}, {@code type} (comma-separated or repeated),
 * {@code automated}, {@code deleted}, {@code cf.<field>}, {@code sort}, {@code limit}, {@code cursor}.
 */
final class CaseQueries {

    static final String CUSTOM_FIELD_PREFIX = "cf.";
    private static final int DEFAULT_LIMIT = 50;

    record Parsed(CaseQuery query, Map<String, String> customFields) {
    }

    private CaseQueries() {
    }

    static Parsed parse(MultivaluedMap<String, String> params) {
        UUID projectId = uuid(params, "projectId");
        if (projectId == null) {
            throw new InvalidFieldsException("projectId", "is required");
        }
        String sortParam = first(params, "sort", "key");
        CaseSort sort;
        try {
            sort = CaseSort.parse(sortParam);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException("sort", e.getMessage());
        }
        boolean descending = sortParam.startsWith("-");
        int limit = integer(params, "limit", DEFAULT_LIMIT);
        if (limit < 1 || limit > CaseQuery.MAX_LIMIT) {
            throw new InvalidFieldsException("limit", "must be from 1 to " + CaseQuery.MAX_LIMIT);
        }
        Cursor after = null;
        String cursor = first(params, "cursor", null);
        if (cursor != null && !cursor.isBlank()) {
            try {
                after = Cursor.decode(cursor, sort, descending);
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldsException("cursor", e.getMessage());
            }
        }
        String text = first(params, "q", null);
        if (text != null && text.length() > 500) {
            throw new InvalidFieldsException("q", "must be at most 500 characters");
        }
        List<String> tags = Tags.normalize(values(params, "tags"));
        Map<String, String> customFields = new LinkedHashMap<>();
        params.forEach((name, list) -> {
            if (name.startsWith(CUSTOM_FIELD_PREFIX) && !list.isEmpty()) {
                customFields.put(name.substring(CUSTOM_FIELD_PREFIX.length()), list.get(0));
            }
        });
        CaseQuery query = new CaseQuery(projectId, text, uuid(params, "suiteId"), tags, enums(params, "priority", Priority.class),
                enums(params, "status", CaseStatus.class), enums(params, "type", CaseType.class), bool(params, "automated"), Map.of(),
                Boolean.TRUE.equals(bool(params, "deleted")), sort, descending, limit, after);
        return new Parsed(query, customFields);
    }

    private static String first(MultivaluedMap<String, String> params, String name, String fallback) {
        String value = params.getFirst(name);
        return value == null ? fallback : value;
    }

    private static List<String> values(MultivaluedMap<String, String> params, String name) {
        List<String> raw = params.get(name);
        if (raw == null) {
            return List.of();
        }
        return raw.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).filter(v -> !v.isEmpty()).toList();
    }

    private static <E extends Enum<E>> Set<E> enums(MultivaluedMap<String, String> params, String name, Class<E> type) {
        Set<E> result = EnumSet.noneOf(type);
        for (String value : values(params, name)) {
            try {
                result.add(Enum.valueOf(type, value.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldsException(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return result;
    }

    private static UUID uuid(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException(name, "must be a UUID");
        }
    }

    private static int integer(MultivaluedMap<String, String> params, String name, int fallback) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidFieldsException(name, "must be a number");
        }
    }

    private static Boolean bool(MultivaluedMap<String, String> params, String name) {
        String value = params.getFirst(name);
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidFieldsException(name, "must be true or false");
        };
    }
}
