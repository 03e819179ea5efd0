package io.testtrack.platform.fields;

/**
 * The table whose rows hold a service's custom-field values: a jsonb column {@code custom_fields}
 * keyed by field name, and a {@code project_id}. The names are the service's own constants,
 * never input.
 *
 * @param table the table, e.g. {@code test_cases}
 * @param live the condition a row meets while it counts (e.g. {@code deleted_at IS NULL}), or {@code TRUE}
 * @param plural what its rows are to a user, for messages: {@code test cases}
 */
public record FieldHolders(String table, String live, String plural) {

    String rowsOfTheField() {
        return " WHERE project_id = :project AND (" + live + ") AND jsonb_exists(custom_fields, :name)";
    }
}
