package io.testtrack.defect.domain;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The @mentions of a comment: {@code @ada@example.com} names a user by e-mail, {@code @ada} by
 * the part of the e-mail before the @. An @ inside a word (an e-mail address written out) or in
 * code is no mention.
 */
public final class Mentions {

    private static final Pattern MENTION =
            Pattern.compile("(?<![\\w@`])@([A-Za-z0-9._%+-]*[A-Za-z0-9_%+-](?:@[A-Za-z0-9.-]+\\.[A-Za-z]{2,})?)");
    private static final Pattern CODE = Pattern.compile("```.*?```|`[^`\\n]*`", Pattern.DOTALL);

    private Mentions() {
    }

    /** The handles mentioned, lower-cased, in order of first mention. */
    public static Set<String> handles(String markdown) {
        Matcher m = MENTION.matcher(CODE.matcher(markdown).replaceAll(" "));
        Set<String> handles = new LinkedHashSet<>();
        while (m.find()) {
            handles.add(m.group(1).toLowerCase(Locale.ROOT));
        }
        return handles;
    }

    /** Whether {@code handle} names the user with this e-mail. */
    public static boolean names(String handle, String email) {
        String lower = email.toLowerCase(Locale.ROOT);
        return handle.contains("@") ? lower.equals(handle) : lower.startsWith(handle + "@");
    }
}
