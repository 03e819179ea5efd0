package io.testtrack.platform.fields;

import java.util.List;

/** What {@link CustomFieldRules} needs of a custom field's definition, whichever service stores it. */
public record CustomField(String name, FieldType type, List<String> options, boolean required) {

    public CustomField {
        options = options == null ? List.of() : List.copyOf(options);
    }
}
