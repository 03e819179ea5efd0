package io.testtrack.defect.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The defects a commit message or pull request says it fixes: {@code fixes SHOP-B12}, {@code Closes shop-b3, resolved SHOP-B4}. */
public final class FixReferences {

    private FixReferences() {
    }

    /** The keys of this project's defects that {@code text} says it fixes, upper-cased, in order. */
    public static Set<String> in(String text, String projectKey) {
        Set<String> keys = new LinkedHashSet<>();
        if (text == null) {
            return keys;
        }
        Pattern pattern = Pattern.compile("\\b(?:fix(?:e[sd])?|close[sd]?|resolve[sd]?)\\s*:?\\s+(" + Pattern.quote(projectKey)
                + "-B\\d+)\\b", Pattern.CASE_INSENSITIVE);
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            keys.add(m.group(1).toUpperCase(Locale.ROOT));
        }
        return keys;
    }
}
