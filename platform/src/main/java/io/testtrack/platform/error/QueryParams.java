package io.testtrack.platform.error;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/** Query parameters a list filters by, read the same way by every service; a bad value is a 400 naming the parameter. */
public final class QueryParams {

    private QueryParams() {
    }

    /** A comma-separated set of enum names, any case ({@code status=failed,blocked}); empty when absent. */
    public static <E extends Enum<E>> Set<E> enums(String csv, Class<E> type, String field) {
        Set<E> set = EnumSet.noneOf(type);
        if (csv == null || csv.isBlank()) {
            return set;
        }
        for (String v : csv.split(",")) {
            try {
                set.add(Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                throw new InvalidFieldsException(field, "must be one of " + Arrays.toString(type.getEnumConstants()));
            }
        }
        return set;
    }
}
