package io.testtrack.testcase.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.type.TypeReference;
import java.util.Arrays;
import java.util.List;

/**
 * The CSV layout of test cases (docs/csv.md): fixed columns, then one {@code cf:<name>} column
 * per custom field. Steps sit in one cell as a JSON array; tags and multi-select values are
 * separated by ';'; the suite is its path of names joined by " / ". Cells a spreadsheet would
 * run as a formula are escaped with a leading apostrophe, which import takes off again.
 */
public final class CsvLayout {

    public static final String KEY = "key";
    public static final String TITLE = "title";
    public static final String DESCRIPTION = "description";
    public static final String PRECONDITIONS = "preconditions";
    public static final String TYPE = "type";
    public static final String PRIORITY = "priority";
    public static final String STATUS = "status";
    public static final String TAGS = "tags";
    public static final String ESTIMATE = "estimate_minutes";
    public static final String SUITE = "suite";
    public static final String AUTOMATION_KEY = "automation_key";
    public static final String STEPS = "steps";
    public static final String CUSTOM_FIELD_PREFIX = "cf:";
    public static final List<String> COLUMNS = List.of(KEY, TITLE, DESCRIPTION, PRECONDITIONS, TYPE, PRIORITY, STATUS, TAGS,
            ESTIMATE, SUITE, AUTOMATION_KEY, STEPS);
    public static final String SUITE_SEPARATOR = " / ";

    /** One step of the steps cell: its own text, or the name of a group of shared steps. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CellStep(String action, String expectedResult, String testData, String shared) {
    }

    private static final TypeReference<List<CellStep>> STEPS_TYPE = new TypeReference<>() {
    };

    private CsvLayout() {
    }

    /** A cell as written to the file: a leading apostrophe keeps a spreadsheet from evaluating it. */
    public static String escape(String cell) {
        return needsEscape(cell) ? "'" + cell : cell;
    }

    public static String unescape(String cell) {
        return cell != null && cell.startsWith("'") && needsEscape(cell.substring(1)) ? cell.substring(1) : cell;
    }

    private static boolean needsEscape(String cell) {
        if (cell == null || cell.isEmpty()) {
            return false;
        }
        char first = cell.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || (first == '\'' && needsEscape(cell.substring(1)));
    }

    public static String writeSteps(List<CellStep> steps) {
        return steps.isEmpty() ? "" : JsonColumns.write(steps);
    }

    public static List<CellStep> readSteps(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        try {
            return JsonColumns.read(cell, STEPS_TYPE);
        } catch (Exception e) {
            throw new IllegalArgumentException("must be a JSON array of {\"action\", \"expectedResult\", \"testData\"}"
                    + " or {\"shared\": \"<name>\"} objects");
        }
    }

    public static List<String> suitePath(String cell) {
        if (cell == null || cell.isBlank()) {
            return List.of();
        }
        return Arrays.stream(cell.split(SUITE_SEPARATOR, -1)).map(String::trim).toList();
    }
}
