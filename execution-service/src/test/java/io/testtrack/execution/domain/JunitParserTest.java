package io.testtrack.execution.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.testtrack.execution.Corpus;
import io.testtrack.execution.domain.JunitParser.Outcome;
import io.testtrack.execution.domain.JunitParser.TestResult;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** The parser alone, over the whole corpus and the attacks; the import's own test goes through the database. */
class JunitParserTest {

    static Stream<Corpus.Entry> valid() {
        return Corpus.entries().stream().filter(e -> !e.invalid());
    }

    static Stream<Corpus.Entry> invalid() {
        return Corpus.entries().stream().filter(Corpus.Entry::invalid);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid")
    void everyValidReportGivesTheManifestCounts(Corpus.Entry entry) {
        Map<String, List<TestResult>> attempts = new LinkedHashMap<>();
        JunitParser.parse(entry.open(), r -> attempts.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(r));
        int[] counts = new int[5];
        attempts.values().forEach(list -> {
            TestResult last = list.get(list.size() - 1);
            counts[last.outcome().ordinal()]++;
            boolean flaky = last.outcome() == Outcome.PASSED
                    && (list.stream().anyMatch(r -> r.outcome() != Outcome.PASSED) || list.stream().anyMatch(TestResult::flakyMarker));
            counts[4] += flaky ? 1 : 0;
        });
        assertEquals(List.of(entry.total(), entry.passed(), entry.failed(), entry.errored(), entry.skipped(), entry.flaky()),
                List.of(attempts.size(), counts[0], counts[1], counts[2], counts[3], counts[4]), entry.file());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void everyInvalidReportIsRefused(Corpus.Entry entry) {
        assertThrows(JunitParser.InvalidReportException.class, () -> JunitParser.parse(entry.open(), r -> { }));
    }

    @Test
    void aReportNestedDeeperThanAnyRealOneIsRefused() {
        String deepSuites = "<testsuite name=\"s\">".repeat(33) + "<testcase classname=\"a\" name=\"b\"/>"
                + "</testsuite>".repeat(33);
        String deepInCase = "<testsuites><testsuite name=\"s\"><testcase classname=\"a\" name=\"b\"><failure>"
                + "<x>".repeat(40) + "</x>".repeat(40) + "</failure></testcase></testsuite></testsuites>";
        for (String deep : List.of(deepSuites, deepInCase)) {
            JunitParser.InvalidReportException e = assertThrows(JunitParser.InvalidReportException.class,
                    () -> JunitParser.parse(new ByteArrayInputStream(deep.getBytes(StandardCharsets.UTF_8)), r -> { }));
            assertTrue(e.getMessage().contains("32 levels"), e.getMessage());
        }
        // 32 levels is still a report
        String deepest = "<testsuite name=\"s\">".repeat(31) + "<testcase classname=\"a\" name=\"b\"/>"
                + "</testsuite>".repeat(31);
        List<TestResult> read = new java.util.ArrayList<>();
        assertEquals(1, JunitParser.parse(new ByteArrayInputStream(deepest.getBytes(StandardCharsets.UTF_8)), read::add));
        assertEquals("a#b", read.get(0).key());
    }

    @Test
    void entityBombsAndExternalEntitiesAreRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]>"
                + "<testsuite><testcase classname=\"a\" name=\"&lol2;\"/></testsuite>";
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<testsuite><testcase classname=\"a\" name=\"b\"><failure>&x;</failure></testcase></testsuite>";
        for (String attack : List.of(laughs, xxe)) {
            JunitParser.InvalidReportException e = assertThrows(JunitParser.InvalidReportException.class,
                    () -> JunitParser.parse(new ByteArrayInputStream(attack.getBytes(StandardCharsets.UTF_8)), r -> { }));
            assertTrue(e.getMessage().contains("DTD"), e.getMessage());
        }
    }

    @Test
    void whatATestcaseSaysIsKeptWithinLimits() {
        String report = "<testsuites><testsuite name=\"outer\"><testsuite name=\"inner\">"
                + "<testcase name=\"noClass\" time=\"2,503.1\"><failure message=\"boom\" type=\"AssertionError\">trace"
                + "</failure><system-out>" + "x".repeat(20_000) + "</system-out></testcase>"
                + "</testsuite><testcase classname=\"c\" name=\"n\" time=\"abc\"><skipped/></testcase></testsuite></testsuites>";
        List<TestResult> results = new ArrayList<>();
        JunitParser.parse(new ByteArrayInputStream(report.getBytes(StandardCharsets.UTF_8)), results::add);
        assertEquals("inner#noClass", results.get(0).key());
        assertEquals(2_503_100L, results.get(0).durationMs());
        assertEquals("boom", results.get(0).message());
        assertEquals("trace", results.get(0).details());
        assertEquals(JunitParser.MAX_TEXT, results.get(0).systemOut().length());
        assertEquals("c#n", results.get(1).key());
        assertEquals(Outcome.SKIPPED, results.get(1).outcome());
        assertEquals(null, results.get(1).durationMs());
    }
}
