package io.testtrack.execution.domain;

import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.function.Consumer;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a JUnit XML report as a stream (StAX): one {@link TestResult} per {@code <testcase>},
 * handed to the sink as soon as its end tag is read, so a report of any size never sits in
 * memory. Knows the dialects of Surefire/Failsafe (flaky and rerun children), Gradle, pytest,
 * jest-junit, go-junit-report, the JUnit 5 console launcher, PHPUnit and others: nested
 * {@code <testsuites>}, testcases without a classname (the enclosing suite's name stands in),
 * several result children, odd time formats. DTDs are refused outright, so no external entity
 * is ever resolved and no entity expansion bomb can go off.
 */
public final class JunitParser {

    public static final int MAX_MESSAGE = 4_000;
    public static final int MAX_TEXT = 16_000;

    /** The outcome of one testcase element, by the corpus rules: error, else failure, else skipped, else passed. */
    public enum Outcome {
        PASSED, FAILED, ERRORED, SKIPPED
    }

    /** One testcase element; {@code flakyMarker} when it passed with flakyFailure/flakyError children. */
    public record TestResult(String classname, String name, String key, Outcome outcome, boolean flakyMarker, Long durationMs,
            String message, String details, String systemOut, String systemErr) {
    }

    /** The document is not a JUnit report we can read; the message says why and where. */
    public static final class InvalidReportException extends RuntimeException {
        public InvalidReportException(String message) {
            super(message);
        }
    }

    private static final XMLInputFactory FACTORY = factory();

    /**
     * How deep elements may nest. Real reports nest suites a few levels (the deepest of 47 reports
     * written by a dozen tools nests 7); a document nested deeper is no report, and is refused as
     * soon as its parser reaches the 33rd level.
     */
    public static final int MAX_DEPTH = 32;

    private JunitParser() {
    }

    /** Reads every testcase of the report into {@code sink}; answers how many there were. */
    public static long parse(InputStream report, Consumer<TestResult> sink) {
        XMLStreamReader xml = null;
        try {
            xml = FACTORY.createXMLStreamReader(report);
            return read(xml, sink);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof java.io.IOException io) {
                // The stream under the parser failed (a client gone, a decompression limit): not the report's fault.
                throw new java.io.UncheckedIOException(io);
            }
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber() + ", column "
                    + e.getLocation().getColumnNumber();
            throw new InvalidReportException("The report is not well-formed XML" + where + ": " + reason(e));
        } finally {
            if (xml != null) {
                try {
                    xml.close();
                } catch (XMLStreamException ignored) {
                    // closing a reader that already failed
                }
            }
        }
    }

    private static long read(XMLStreamReader xml, Consumer<TestResult> sink) throws XMLStreamException {
        Deque<String> suites = new ArrayDeque<>();
        boolean rootSeen = false;
        long count = 0;
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.DTD) {
                throw new InvalidReportException("The report declares a DTD; reports with DTDs or entities are refused.");
            }
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidReportException("The report refers to an entity that is not declared: &" + xml.getLocalName() + ";");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                String element = xml.getLocalName();
                tooDeep(++depth);
                if (!rootSeen) {
                    rootSeen = true;
                    if (!element.equals("testsuites") && !element.equals("testsuite") && !element.equals("testcase")) {
                        throw new InvalidReportException("The report's root element is <" + element
                                + ">, not <testsuites> or <testsuite>: it is not a JUnit report.");
                    }
                }
                if (element.equals("testsuite")) {
                    suites.push(blankToEmpty(xml.getAttributeValue(null, "name")));
                } else if (element.equals("testcase")) {
                    sink.accept(testcase(xml, suites.isEmpty() ? "" : suites.peek(), depth));
                    depth--;
                    count++;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (xml.getLocalName().equals("testsuite") && !suites.isEmpty()) {
                    suites.pop();
                }
            }
        }
        if (!rootSeen) {
            throw new InvalidReportException("The report is empty.");
        }
        return count;
    }

    private static void tooDeep(int depth) {
        if (depth > MAX_DEPTH) {
            throw new InvalidReportException("The report nests elements more than " + MAX_DEPTH
                    + " levels deep; no JUnit report does.");
        }
    }

    /** Reads one testcase, {@code outer} levels down the document, up to its end tag. */
    private static TestResult testcase(XMLStreamReader xml, String suite, int outer) throws XMLStreamException {
        String classname = blankToEmpty(xml.getAttributeValue(null, "classname"));
        if (classname.isEmpty()) {
            classname = suite;
        }
        String name = blankToEmpty(xml.getAttributeValue(null, "name"));
        Long duration = duration(xml.getAttributeValue(null, "time"));
        boolean error = false;
        boolean failure = false;
        boolean skipped = false;
        boolean flaky = false;
        String message = null;
        StringBuilder details = null;
        StringBuilder systemOut = null;
        StringBuilder systemErr = null;
        int depth = 1;
        StringBuilder text = null;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new InvalidReportException("The report refers to an entity that is not declared: &" + xml.getLocalName() + ";");
            }
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                tooDeep(outer + depth - 1);
                if (depth != 2) {
                    continue;
                }
                String child = xml.getLocalName();
                switch (child) {
                    case "error", "failure" -> {
                        boolean isError = child.equals("error");
                        if (message == null || (isError && !error)) {
                            message = firstNonBlank(xml.getAttributeValue(null, "message"), xml.getAttributeValue(null, "type"));
                            details = new StringBuilder();
                            text = details;
                        } else {
                            text = null;
                        }
                        error |= isError;
                        failure |= !isError;
                    }
                    case "skipped" -> {
                        skipped = true;
                        if (message == null) {
                            message = xml.getAttributeValue(null, "message");
                        }
                        text = null;
                    }
                    case "flakyFailure", "flakyError" -> {
                        flaky = true;
                        text = null;
                    }
                    case "system-out" -> {
                        systemOut = systemOut == null ? new StringBuilder() : systemOut;
                        text = systemOut;
                    }
                    case "system-err" -> {
                        systemErr = systemErr == null ? new StringBuilder() : systemErr;
                        text = systemErr;
                    }
                    default -> text = null;
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if (depth == 1) {
                    text = null;
                }
            } else if (text != null && depth == 2 && (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE)) {
                if (text.length() < MAX_TEXT) {
                    text.append(xml.getText(), 0, Math.min(xml.getTextLength(), MAX_TEXT - text.length()));
                }
            }
        }
        Outcome outcome = error ? Outcome.ERRORED : failure ? Outcome.FAILED : skipped ? Outcome.SKIPPED : Outcome.PASSED;
        return new TestResult(classname, name, classname + "#" + name, outcome, flaky && outcome == Outcome.PASSED, duration,
                cap(message, MAX_MESSAGE), blankToNull(details), blankToNull(systemOut), blankToNull(systemErr));
    }

    /** Seconds as JUnit tools write them: "1.5", "2,503.1", "0.01s", or nothing usable. */
    static Long duration(String time) {
        if (time == null || time.isBlank()) {
            return null;
        }
        String cleaned = time.trim().replace(",", "").toLowerCase(Locale.ROOT);
        if (cleaned.endsWith("s")) {
            cleaned = cleaned.substring(0, cleaned.length() - 1);
        }
        try {
            double seconds = Double.parseDouble(cleaned);
            return Double.isFinite(seconds) && seconds >= 0 ? Math.round(seconds * 1000) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static XMLInputFactory factory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    private static String reason(XMLStreamException e) {
        String message = e.getMessage() == null ? "unreadable" : e.getMessage();
        int detail = message.indexOf("Message: ");
        return detail >= 0 ? message.substring(detail + 9).trim() : message.trim();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }

    private static String blankToNull(StringBuilder s) {
        return s == null || s.toString().isBlank() ? null : s.toString();
    }

    private static String firstNonBlank(String a, String b) {
        return a != null && !a.isBlank() ? a : b;
    }

    private static String cap(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
