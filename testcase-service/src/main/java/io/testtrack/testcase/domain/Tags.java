package io.testtrack.testcase.domain;

import io.testtrack.platform.error.InvalidFieldsException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Tags are short lower-case labels; a case has each at most once. */
public final class Tags {

    public static final int MAX_TAGS = 30;
    private static final Pattern TAG = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._:/-]{0,49}");

    private Tags() {
    }

    public static List<String> normalize(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> normalized = new LinkedHashSet<>();
        for (String tag : tags) {
            String t = tag == null ? "" : tag.trim().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(t).matches()) {
                throw new InvalidFieldsException("tags", "'" + abbreviate(tag) + "' is not a tag: letters, digits and . _ : / -,"
                        + " starting with a letter or digit, at most 50 characters");
            }
            normalized.add(t);
        }
        if (normalized.size() > MAX_TAGS) {
            throw new InvalidFieldsException("tags", "at most " + MAX_TAGS + " tags");
        }
        return List.copyOf(normalized);
    }

    private static String abbreviate(String tag) {
        return tag == null ? "null" : tag.length() > 60 ? tag.substring(0, 60) + "…" : tag;
    }
}
