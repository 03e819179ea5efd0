package io.testtrack.platform.fields;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.testtrack.common.Problem;
import io.testtrack.platform.error.InvalidFieldsException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The custom field rules test cases and defects share, without a service around them. */
class CustomFieldRulesTest {

    private static final List<CustomField> FIELDS = List.of(
            new CustomField("browser", FieldType.SELECT, List.of("Chrome", "Firefox"), true),
            new CustomField("platforms", FieldType.MULTI_SELECT, List.of("iOS", "Android"), false),
            new CustomField("hours", FieldType.NUMBER, null, false),
            new CustomField("customer", FieldType.TEXT, null, false),
            new CustomField("regression", FieldType.CHECKBOX, null, false));

    @Test
    void goodValuesAreKeptInTheirOneStoredForm() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("browser", "Chrome");
        values.put("platforms", List.of("iOS", "iOS", "Android"));
        values.put("hours", 2.50);
        values.put("regression", true);
        values.put("customer", null);
        assertEquals(Map.of("browser", "Chrome", "platforms", List.of("iOS", "Android"), "hours", 2.5, "regression", true),
                CustomFieldRules.validate(FIELDS, values));
        assertEquals(Map.of("browser", "Firefox", "hours", 3), CustomFieldRules.validate(FIELDS, Map.of("browser", "Firefox", "hours", 3.0)));
    }

    @Test
    void everyBadValueIsNamedAtOnce() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("platforms", List.of("Windows"));
        values.put("hours", "two");
        values.put("customer", "x".repeat(CustomFieldRules.MAX_TEXT + 1));
        values.put("regression", "yes");
        values.put("colour", "red");
        InvalidFieldsException e = assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.validate(FIELDS, values));
        assertEquals(List.of("customFields.platforms", "customFields.hours", "customFields.customer", "customFields.regression",
                "customFields.colour", "customFields.browser"), e.errors().stream().map(Problem.FieldError::field).toList());
        assertEquals("is required", e.errors().get(5).message());
        assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.validate(FIELDS, Map.of("browser", "Edge")));
        assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.validate(FIELDS, Map.of("browser", "Chrome", "hours", 1e15)));
    }

    @Test
    void aDefinitionNeedsAMachineNameAndOptionsOnlyWhereItSelects() {
        CustomFieldRules.checkName("found_in_2");
        for (String bad : new String[] { "Browser", "2nd", "with space", "x".repeat(41), "" }) {
            assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.checkName(bad), bad);
        }
        assertEquals(List.of("a", "b"), CustomFieldRules.options(FieldType.SELECT, List.of("a", "b")));
        assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.options(FieldType.SELECT, List.of()));
        assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.options(FieldType.TEXT, List.of("a")));
        assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.options(FieldType.MULTI_SELECT, List.of("a", "a")));
        assertThrows(InvalidFieldsException.class, () -> CustomFieldRules.options(FieldType.SELECT, List.of("a;b")));
    }

    @Test
    void aCsvCellIsParsedAndFormattedBack() {
        CustomField platforms = FIELDS.get(1);
        assertEquals(List.of("iOS", "Android"), CustomFieldRules.parse(platforms, "iOS; Android"));
        assertEquals("iOS;Android", CustomFieldRules.format(List.of("iOS", "Android")));
        assertEquals(true, CustomFieldRules.parse(FIELDS.get(4), "yes"));
        assertEquals(12, CustomFieldRules.parse(FIELDS.get(2), "12"));
    }
}
