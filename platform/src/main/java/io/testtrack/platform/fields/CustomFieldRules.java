package io.testtrack.platform.fields;

import io.testtrack.common.Problem;
import io.testtrack.platform.error.InvalidFieldsException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules of custom fields, one copy for every service that has them (test cases, defects): what
 * a definition may be (name, options), and values checked against a project's definitions and put
 * in their one stored form.
 */
public final class CustomFieldRules {

    public static final int MAX_TEXT = 2_000;
    public static final int MAX_FIELDS = 50;
    public static final int MAX_OPTIONS = 100;
    /** A field's machine name, the key its values are stored under. */
    public static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private CustomFieldRules() {
    }

    /**
     * The values keyed by field name, each of its definition's type; unknown fields, wrong types,
     * options that do not exist and missing required values fail together, each named.
     */
    public static Map<String, Object> validate(List<CustomField> definitions, Map<String, Object> values) {
        Map<String, CustomField> byName = definitions.stream()
                .collect(Collectors.toMap(CustomField::name, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        Map<String, Object> given = values == null ? Map.of() : values;
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<String, Object> normalized = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            CustomField definition = byName.get(name);
            if (definition == null) {
                errors.add(new Problem.FieldError("customFields." + name, "is not a custom field of this project"));
            } else if (value != null) {
                try {
                    normalized.put(name, normalize(definition, value));
                } catch (IllegalArgumentException e) {
                    errors.add(new Problem.FieldError("customFields." + name, e.getMessage()));
                }
            }
        });
        byName.values().stream()
                .filter(d -> d.required() && !normalized.containsKey(d.name())
                        && !errors.stream().anyMatch(e -> e.field().equals("customFields." + d.name())))
                .forEach(d -> errors.add(new Problem.FieldError("customFields." + d.name(), "is required")));
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return normalized;
    }

    /** A value read from a CSV cell: text as it is, numbers and booleans parsed, multi-selects split on ';'. */
    public static Object parse(CustomField definition, String cell) {
        if (cell == null || cell.isBlank()) {
            return null;
        }
        return switch (definition.type()) {
            case TEXT, SELECT -> cell;
            case NUMBER -> number(cell.trim());
            case CHECKBOX -> switch (cell.trim().toLowerCase(Locale.ROOT)) {
                case "true", "yes", "1" -> true;
                case "false", "no", "0" -> false;
                default -> throw new IllegalArgumentException("must be true or false");
            };
            case MULTI_SELECT -> Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        };
    }

    /** A stored value as one CSV cell, the inverse of {@link #parse}. */
    public static String format(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).collect(Collectors.joining(";"));
        }
        if (value instanceof BigDecimal decimal) {
            return decimal.toPlainString();
        }
        return String.valueOf(value);
    }

    /** A definition's name, or an {@link InvalidFieldsException} naming {@code name}. */
    public static void checkName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidFieldsException("name",
                    "must be lower-case letters, digits and _, starting with a letter, at most 40 characters");
        }
    }

    /** A definition's options, distinct and in order: a select has at least one, other types none. */
    public static List<String> options(FieldType type, List<String> options) {
        boolean select = type == FieldType.SELECT || type == FieldType.MULTI_SELECT;
        List<String> given = options == null ? List.of() : options;
        if (!select && !given.isEmpty()) {
            throw new InvalidFieldsException("options", "only select fields have options");
        }
        if (select && given.isEmpty()) {
            throw new InvalidFieldsException("options", "a select field needs at least one option");
        }
        if (given.size() > MAX_OPTIONS) {
            throw new InvalidFieldsException("options", "at most " + MAX_OPTIONS + " options");
        }
        for (String option : given) {
            if (option == null || option.isBlank() || option.length() > 100 || option.contains(";")) {
                throw new InvalidFieldsException("options", "an option is 1-100 characters without ';'");
            }
        }
        List<String> distinct = List.copyOf(new LinkedHashSet<>(given));
        if (distinct.size() != given.size()) {
            throw new InvalidFieldsException("options", "options must differ from each other");
        }
        return distinct;
    }

    private static Object normalize(CustomField definition, Object value) {
        return switch (definition.type()) {
            case TEXT -> {
                if (!(value instanceof String text)) {
                    throw new IllegalArgumentException("must be text");
                }
                if (text.length() > MAX_TEXT) {
                    throw new IllegalArgumentException("must be at most " + MAX_TEXT + " characters");
                }
                yield text;
            }
            case NUMBER -> {
                if (value instanceof Number n) {
                    yield number(n.toString());
                }
                throw new IllegalArgumentException("must be a number");
            }
            case CHECKBOX -> {
                if (!(value instanceof Boolean b)) {
                    throw new IllegalArgumentException("must be true or false");
                }
                yield b;
            }
            case SELECT -> {
                if (!(value instanceof String option) || !definition.options().contains(option)) {
                    throw new IllegalArgumentException("must be one of " + definition.options());
                }
                yield option;
            }
            case MULTI_SELECT -> {
                if (!(value instanceof List<?> list) || !list.stream().allMatch(definition.options()::contains)) {
                    throw new IllegalArgumentException("must be a list of values from " + definition.options());
                }
                yield List.copyOf(new LinkedHashSet<>(list.stream().map(String.class::cast).toList()));
            }
        };
    }

    private static Number number(String text) {
        try {
            BigDecimal decimal = new BigDecimal(text);
            if (decimal.abs().compareTo(new BigDecimal("1e15")) >= 0) {
                throw new IllegalArgumentException("must be a number below 10^15");
            }
            // The types Jackson reads the stored JSON back as, so that equal values compare equal.
            if (decimal.stripTrailingZeros().scale() > 0) {
                return decimal.doubleValue();
            }
            long whole = decimal.longValueExact();
            return whole == (int) whole ? (Number) (int) whole : (Number) whole;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("must be a number");
        }
    }
}
