package io.testtrack.execution;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** The JUnit XML corpus (src/test/resources/junit-corpus, its README has the rules) and its MANIFEST rows. */
public final class Corpus {

    public record Entry(String file, int total, int passed, int failed, int errored, int skipped, int flaky) {
        public boolean invalid() {
            return file.startsWith("invalid/");
        }

        public InputStream open() {
            return Corpus.class.getResourceAsStream("/junit-corpus/" + file);
        }

        public byte[] bytes() {
            try (InputStream in = open()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Corpus() {
    }

    public static List<Entry> entries() {
        try (InputStream in = Corpus.class.getResourceAsStream("/junit-corpus/MANIFEST.tsv")) {
            List<String> lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n"));
            return lines.stream().skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t", -1)).map(f -> new Entry(f[0],
                    Integer.parseInt(f[4]), number(f[5]), number(f[6]), number(f[7]), number(f[8]), number(f[9]))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int number(String s) {
        return s.isBlank() ? -1 : Integer.parseInt(s);
    }
}
