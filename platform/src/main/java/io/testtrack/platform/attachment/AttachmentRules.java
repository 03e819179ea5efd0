package io.testtrack.platform.attachment;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What an attachment may be: a screenshot, a log, a report or an archive. The declared content
 * type must be one of those and the bytes must look like it (magic numbers for binary formats,
 * UTF-8 without NUL for text), so a script cannot travel as a "screenshot". File names lose any
 * path and any character a file system or a header would choke on. The same rules hold for the
 * attachments of executions and of defects.
 */
public final class AttachmentRules {

    private static final Map<String, byte[][]> MAGIC = Map.of(
            "image/png", new byte[][] { { (byte) 0x89, 'P', 'N', 'G' } },
            "image/jpeg", new byte[][] { { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF } },
            "image/gif", new byte[][] { { 'G', 'I', 'F', '8' } },
            "image/webp", new byte[][] { { 'R', 'I', 'F', 'F' } },
            "application/pdf", new byte[][] { { '%', 'P', 'D', 'F' } },
            "application/zip", new byte[][] { { 'P', 'K', 3, 4 }, { 'P', 'K', 5, 6 } },
            "application/gzip", new byte[][] { { 0x1F, (byte) 0x8B } },
            "video/mp4", new byte[][] { { 0, 0, 0 } });
    private static final java.util.Set<String> TEXT = java.util.Set.of("text/plain", "text/csv", "application/json", "application/xml",
            "text/xml");

    private AttachmentRules() {
    }

    /** The problem with this content, or empty when it may be stored. */
    public static Optional<String> check(String contentType, byte[] content) {
        String type = normalize(contentType);
        if (content.length == 0) {
            return Optional.of("the file is empty");
        }
        if (TEXT.contains(type)) {
            return text(content) ? Optional.empty() : Optional.of("a " + type + " file must be UTF-8 text");
        }
        byte[][] signatures = MAGIC.get(type);
        if (signatures == null) {
            return Optional.of("content type " + type + " is not accepted; send one of " + accepted());
        }
        for (byte[] signature : signatures) {
            if (content.length >= signature.length && Arrays.equals(Arrays.copyOf(content, signature.length), signature)) {
                return Optional.empty();
            }
        }
        return Optional.of("the file's content is not " + type);
    }

    public static String normalize(String contentType) {
        if (contentType == null) {
            return "application/octet-stream";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon >= 0 ? contentType.substring(0, semicolon) : contentType).trim().toLowerCase(Locale.ROOT);
    }

    /** The last path segment, without control characters, quotes or reserved characters, at most 200 characters. */
    public static String fileName(String given) {
        String name = given == null ? "" : given.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1);
        name = name.replaceAll("[\\p{Cntrl}\"*:<>?|]", "").replaceAll("\\s+", " ").trim();
        while (name.startsWith(".")) {
            name = name.substring(1);
        }
        if (name.length() > 200) {
            name = name.substring(name.length() - 200);
        }
        return name.isEmpty() ? "attachment" : name;
    }

    public static String accepted() {
        java.util.TreeSet<String> all = new java.util.TreeSet<>(MAGIC.keySet());
        all.addAll(TEXT);
        return String.join(", ", all);
    }

    private static boolean text(byte[] content) {
        for (byte b : content) {
            if (b == 0) {
                return false;
            }
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
