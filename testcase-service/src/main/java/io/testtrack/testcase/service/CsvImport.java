package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.testtrack.common.Problem;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.fields.CustomFieldRules;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.CaseContent;
import io.testtrack.testcase.domain.CaseRules;
import io.testtrack.testcase.domain.CaseStatus;
import io.testtrack.testcase.domain.CaseType;
import io.testtrack.testcase.domain.CsvLayout;
import io.testtrack.testcase.domain.FieldDefinition;
import io.testtrack.testcase.domain.ImportReport;
import io.testtrack.testcase.domain.Limits;
import io.testtrack.testcase.domain.Priority;
import io.testtrack.testcase.domain.SharedSteps;
import io.testtrack.testcase.domain.StepItem;
import io.testtrack.testcase.domain.Steps;
import io.testtrack.testcase.domain.Suite;
import io.testtrack.testcase.domain.Tags;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.repository.FieldDefinitionRepository;
import io.testtrack.testcase.repository.ProjectDirectory;
import io.testtrack.testcase.repository.SharedStepsRepository;
import io.testtrack.testcase.repository.SuiteRepository;
import io.testtrack.testcase.repository.TestCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Imports cases from CSV (the layout of {@link CsvLayout}), all or nothing. A row whose key names
 * a live case of the project updates that case; any other row creates one. A dry run reports
 * every row's errors and what would happen, and writes nothing; a real run with errors fails
 * with the same list and writes nothing either.
 */
@ApplicationScoped
public class CsvImport {

    private record Row(long line, Map<String, String> cells) {
        String get(String column) {
            return CsvLayout.unescape(cells.getOrDefault(column, ""));
        }
    }

    private record Prepared(TestCase existing, CaseContent content, List<String> suitePath) {
    }

    private final TestCaseRepository cases;
    private final SuiteRepository suites;
    private final FieldDefinitionRepository fields;
    private final SharedStepsRepository shared;
    private final SuiteService suiteService;
    private final CaseWriter writer;
    private final ProjectAccess access;
    private final ProjectDirectory projects;

    public CsvImport(TestCaseRepository cases, SuiteRepository suites, FieldDefinitionRepository fields,
            SharedStepsRepository shared, SuiteService suiteService, CaseWriter writer, ProjectAccess access,
            ProjectDirectory projects) {
        this.cases = cases;
        this.suites = suites;
        this.fields = fields;
        this.shared = shared;
        this.suiteService = suiteService;
        this.writer = writer;
        this.access = access;
        this.projects = projects;
    }

    public Uni<ImportReport> run(Principal principal, UUID projectId, byte[] file, boolean dryRun) {
        UUID by = principal.actorId();
        return access.require(principal, projectId, Permission.WRITE_CASES)
                .chain(() -> projects.writableKey(projectId))
                .chain(projectKey -> {
                    List<Row> rows = parse(file);
                    return Panache.withTransaction(() -> prepare(projectId, rows).chain(prepared -> {
                        ImportReport report = report(dryRun, rows.size(), prepared.prepared(), prepared.errors());
                        if (!prepared.errors().isEmpty()) {
                            if (dryRun) {
                                return Uni.createFrom().item(report);
                            }
                            throw new InvalidFieldsException(prepared.errors());
                        }
                        if (dryRun) {
                            return Uni.createFrom().item(report);
                        }
                        return write(projectId, projectKey, prepared, by).replaceWith(report);
                    }));
                });
    }

    private static ImportReport report(boolean dryRun, int rows, List<Prepared> prepared, List<Problem.FieldError> errors) {
        if (!errors.isEmpty()) {
            return new ImportReport(dryRun, rows, 0, 0, 0, errors);
        }
        int created = (int) prepared.stream().filter(p -> p.existing() == null).count();
        int updated = (int) prepared.stream().filter(p -> p.existing() != null && (!p.content().changesFrom(p.existing().content()).isEmpty()
                || (!p.suitePath().isEmpty() && p.content().suiteId() == null))).count();
        return new ImportReport(dryRun, rows, created, updated, prepared.size() - created - updated, errors);
    }

    /** The file as rows; a file that is not UTF-8, has a broken quote or the wrong columns fails as a whole. */
    static List<Row> parse(byte[] file) {
        // Decoded while parsing, not into a copy first: a 25 MB file would otherwise be held three
        // times more (its characters, then the string) beside its bytes.
        int bom = file.length >= 3 && (file[0] & 0xFF) == 0xEF && (file[1] & 0xFF) == 0xBB && (file[2] & 0xFF) == 0xBF ? 3 : 0;
        Reader text = new InputStreamReader(new ByteArrayInputStream(file, bom, file.length - bom), StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(false).setTrim(false).get();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            List<String> header = parser.getHeaderNames();
            checkHeader(header);
            for (CSVRecord record : parser) {
                if (rows.size() == Limits.IMPORT_ROWS) {
                    throw new InvalidFieldsException("file", "has more than " + Limits.IMPORT_ROWS + " rows; split it");
                }
                if (!record.isConsistent()) {
                    throw new InvalidFieldsException("rows[" + record.getRecordNumber() + "]", "has " + record.size()
                            + " cells where the header has " + header.size());
                }
                rows.add(new Row(record.getRecordNumber(), record.toMap()));
            }
        } catch (UncheckedIOException | IOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof InvalidFieldsException invalid) {
                throw invalid;
            }
            if (e instanceof CharacterCodingException || e.getCause() instanceof CharacterCodingException) {
                throw new InvalidFieldsException("file", "is not UTF-8 text; save it as CSV UTF-8");
            }
            throw new InvalidFieldsException("file", "is not valid CSV: " + e.getMessage());
        }
        return rows;
    }

    private static void checkHeader(List<String> header) {
        List<String> unknown = header.stream()
                .filter(h -> !CsvLayout.COLUMNS.contains(h) && !h.startsWith(CsvLayout.CUSTOM_FIELD_PREFIX))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidFieldsException("file", "has unknown columns " + unknown + "; the columns are " + CsvLayout.COLUMNS
                    + " and cf:<field name>");
        }
        if (!header.contains(CsvLayout.TITLE)) {
            throw new InvalidFieldsException("file", "has no title column");
        }
    }

    private record Preparation(List<Prepared> prepared, List<Problem.FieldError> errors) {
    }

    private Uni<Preparation> prepare(UUID projectId, List<Row> rows) {
        List<String> keys = rows.stream().map(r -> r.get(CsvLayout.KEY).trim()).filter(k -> !k.isEmpty()).distinct().toList();
        List<String> automationKeys = rows.stream().map(r -> r.get(CsvLayout.AUTOMATION_KEY).trim()).filter(k -> !k.isEmpty())
                .distinct().toList();
        return fields.ofProject(projectId).chain(definitions -> shared.ofProject(projectId).chain(groups -> suites.ofProject(projectId)
                .chain(suiteList -> (keys.isEmpty() ? Uni.createFrom().item(List.<TestCase>of()) : cases.liveByKeys(projectId, keys))
                        .chain(existing -> (automationKeys.isEmpty() ? Uni.createFrom().item(List.<TestCase>of())
                                : cases.list("projectId = ?1 and automationKey in ?2 and deletedAt is null", projectId, automationKeys))
                                .map(owners -> prepare(rows, definitions, groups, suiteList, existing, owners))))));
    }

    private Preparation prepare(List<Row> rows, List<FieldDefinition> definitions, List<SharedSteps> groups, List<Suite> suiteList,
            List<TestCase> existing, List<TestCase> automationOwners) {
        Map<String, TestCase> byKey = existing.stream().collect(Collectors.toMap(c -> c.key, Function.identity()));
        Map<String, UUID> groupsByName = groups.stream().collect(Collectors.toMap(g -> g.name.toLowerCase(Locale.ROOT), g -> g.id));
        Map<String, UUID> ownerOfAutomationKey = automationOwners.stream().collect(Collectors.toMap(c -> c.automationKey, c -> c.id));
        Map<String, FieldDefinition> definitionsByName = definitions.stream().collect(Collectors.toMap(d -> d.name, d -> d));
        Map<String, Long> automationKeyLine = new HashMap<>();
        List<Prepared> prepared = new ArrayList<>();
        List<Problem.FieldError> errors = new ArrayList<>();
        for (Row row : rows) {
            List<Problem.FieldError> rowErrors = new ArrayList<>();
            String at = "rows[" + row.line() + "].";
            TestCase target = byKey.get(row.get(CsvLayout.KEY).trim());
            String title = row.get(CsvLayout.TITLE).trim();
            if (!CaseRules.isTitle(title)) {
                rowErrors.add(new Problem.FieldError(at + CsvLayout.TITLE, CaseRules.TITLE_RULE));
            }
            String description = text(row, CsvLayout.DESCRIPTION, at, rowErrors);
            String preconditions = text(row, CsvLayout.PRECONDITIONS, at, rowErrors);
            CaseType type = choice(row, CsvLayout.TYPE, CaseType.class, CaseType.FUNCTIONAL, at, rowErrors);
            Priority priority = choice(row, CsvLayout.PRIORITY, Priority.class, Priority.MEDIUM, at, rowErrors);
            CaseStatus status = choice(row, CsvLayout.STATUS, CaseStatus.class, CaseStatus.DRAFT, at, rowErrors);
            List<String> tags = List.of();
            try {
                tags = Tags.normalize(splitList(row.get(CsvLayout.TAGS)));
            } catch (InvalidFieldsException e) {
                rowErrors.add(new Problem.FieldError(at + CsvLayout.TAGS, e.errors().get(0).message()));
            }
            Integer estimate = estimate(row, at, rowErrors);
            String automationKey = row.get(CsvLayout.AUTOMATION_KEY).trim();
            if (!automationKey.isEmpty()) {
                UUID owner = ownerOfAutomationKey.get(automationKey);
                Long earlier = automationKeyLine.putIfAbsent(automationKey, row.line());
                if (!CaseRules.isAutomationKey(automationKey)) {
                    rowErrors.add(new Problem.FieldError(at + CsvLayout.AUTOMATION_KEY, CaseRules.AUTOMATION_KEY_RULE));
                } else if (earlier != null) {
                    rowErrors.add(new Problem.FieldError(at + CsvLayout.AUTOMATION_KEY, "repeats the automation key of row " + earlier));
                } else if (owner != null && (target == null || !owner.equals(target.id))) {
                    rowErrors.add(new Problem.FieldError(at + CsvLayout.AUTOMATION_KEY, "belongs to another test case of the project"));
                }
            }
            List<StepItem> steps = steps(row, groupsByName, at, rowErrors);
            Map<String, Object> values = customFields(row, definitionsByName, definitions, at, rowErrors);
            List<String> suitePath = CsvLayout.suitePath(row.get(CsvLayout.SUITE));
            if (suitePath.stream().anyMatch(name -> name.isEmpty() || name.length() > Suite.MAX_NAME)) {
                rowErrors.add(new Problem.FieldError(at + CsvLayout.SUITE, "names suites of 1-" + Suite.MAX_NAME + " characters separated by ' / '"));
            }
            errors.addAll(rowErrors);
            if (rowErrors.isEmpty()) {
                UUID suiteId = resolve(suiteList, suitePath);
                prepared.add(new Prepared(target, new CaseContent(title, description, preconditions, type, priority, status, tags,
                        estimate, suiteId, automationKey.isEmpty() ? null : automationKey, steps, values), suitePath));
            }
        }
        return new Preparation(prepared, errors);
    }

    private Uni<Void> write(UUID projectId, String projectKey, Preparation preparation, UUID by) {
        List<Prepared> prepared = preparation.prepared();
        long creates = prepared.stream().filter(p -> p.existing() == null).count();
        Map<List<String>, UUID> suiteIds = new LinkedHashMap<>();
        List<List<String>> paths = prepared.stream().map(Prepared::suitePath).filter(p -> !p.isEmpty()).distinct().toList();
        Uni<Void> ensured = CaseWriter.sequentially(paths, path -> suiteService.ensurePath(projectId, path, by)
                .invoke(id -> suiteIds.put(path, id))).replaceWithVoid();
        Uni<Integer> firstNumber = creates == 0 ? Uni.createFrom().item(0) : projects.reserveNumbers(projectId, (int) creates);
        return ensured.chain(() -> shared.stepsOf(projectId, prepared.stream().flatMap(p -> Steps.sharedIds(p.content().steps()).stream())
                        .collect(Collectors.toSet())))
                .chain(groups -> firstNumber.chain(first -> {
                    int next = first;
                    Instant now = Instant.now();
                    List<CaseWriter.Creation> creations = new ArrayList<>();
                    List<Prepared> updates = new ArrayList<>();
                    for (Prepared p : prepared) {
                        if (p.existing() == null) {
                            creations.add(new CaseWriter.Creation(TestCase.create(projectId, next++, projectKey, by, now), inSuite(p, suiteIds)));
                        } else {
                            updates.add(p);
                        }
                    }
                    return writer.createAll(creations, groups, by, "Created by CSV import")
                            .chain(() -> CaseWriter.sequentially(updates,
                                    p -> writer.writeChecked(p.existing(), inSuite(p, suiteIds), groups, by, "Imported from CSV")));
                }))
                .replaceWithVoid();
    }

    /** The row's content in the suite its path names, now that every path exists. */
    private static CaseContent inSuite(Prepared p, Map<List<String>, UUID> suiteIds) {
        return p.content().withSuite(p.suitePath().isEmpty() ? null : suiteIds.get(p.suitePath()));
    }

    private static UUID resolve(List<Suite> suiteList, List<String> path) {
        UUID parent = null;
        for (String name : path) {
            UUID parentId = parent;
            parent = suiteList.stream()
                    .filter(s -> Objects.equals(s.parentId, parentId) && s.name.equalsIgnoreCase(name))
                    .map(s -> s.id).findFirst().orElse(null);
            if (parent == null) {
                return null;
            }
        }
        return parent;
    }

    private static String text(Row row, String column, String at, List<Problem.FieldError> errors) {
        String value = row.get(column);
        if (value.length() > Limits.TEXT) {
            errors.add(new Problem.FieldError(at + column, "must be at most " + Limits.TEXT + " characters"));
        }
        return value.isEmpty() ? null : value;
    }

    private static <E extends Enum<E>> E choice(Row row, String column, Class<E> type, E fallback, String at,
            List<Problem.FieldError> errors) {
        String value = row.get(column).trim();
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(at + column, "must be one of " + java.util.Arrays.toString(type.getEnumConstants())));
            return fallback;
        }
    }

    private static Integer estimate(Row row, String at, List<Problem.FieldError> errors) {
        String value = row.get(CsvLayout.ESTIMATE).trim();
        if (value.isEmpty()) {
            return null;
        }
        try {
            int minutes = Integer.parseInt(value);
            if (minutes < 0 || minutes > Limits.ESTIMATE_MINUTES) {
                throw new NumberFormatException();
            }
            return minutes;
        } catch (NumberFormatException e) {
            errors.add(new Problem.FieldError(at + CsvLayout.ESTIMATE, "must be whole minutes from 0 to " + Limits.ESTIMATE_MINUTES));
            return null;
        }
    }

    private static List<StepItem> steps(Row row, Map<String, UUID> groupsByName, String at, List<Problem.FieldError> errors) {
        try {
            List<CsvLayout.CellStep> cells = CsvLayout.readSteps(row.get(CsvLayout.STEPS));
            List<StepItem> items = new ArrayList<>();
            for (CsvLayout.CellStep cell : cells) {
                if (cell.shared() != null) {
                    UUID id = groupsByName.get(cell.shared().toLowerCase(Locale.ROOT));
                    if (id == null) {
                        throw new IllegalArgumentException("names shared steps '" + cell.shared() + "' that the project does not have");
                    }
                    items.add(StepItem.shared(id));
                } else if (cell.action() == null || cell.action().isBlank()) {
                    throw new IllegalArgumentException("has a step without an action");
                } else if (Math.max(len(cell.action()), Math.max(len(cell.expectedResult()), len(cell.testData()))) > Steps.MAX_TEXT) {
                    throw new IllegalArgumentException("has a step over " + Steps.MAX_TEXT + " characters");
                } else {
                    items.add(StepItem.own(cell.action(), cell.expectedResult(), cell.testData()));
                }
            }
            if (items.size() > Steps.MAX_STEPS) {
                throw new IllegalArgumentException("has more than " + Steps.MAX_STEPS + " steps");
            }
            return items;
        } catch (IllegalArgumentException e) {
            errors.add(new Problem.FieldError(at + CsvLayout.STEPS, e.getMessage()));
            return List.of();
        }
    }

    private static Map<String, Object> customFields(Row row, Map<String, FieldDefinition> byName, List<FieldDefinition> definitions,
            String at, List<Problem.FieldError> errors) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (String column : row.cells().keySet()) {
            if (!column.startsWith(CsvLayout.CUSTOM_FIELD_PREFIX)) {
                continue;
            }
            String name = column.substring(CsvLayout.CUSTOM_FIELD_PREFIX.length());
            FieldDefinition definition = byName.get(name);
            if (definition == null) {
                errors.add(new Problem.FieldError(at + column, "is not a custom field of this project"));
                continue;
            }
            try {
                Object value = CustomFieldRules.parse(definition.rule(), row.get(column));
                if (value != null) {
                    values.put(name, value);
                }
            } catch (IllegalArgumentException e) {
                errors.add(new Problem.FieldError(at + column, e.getMessage()));
            }
        }
        try {
            return CustomFieldRules.validate(FieldDefinition.rules(definitions), values);
        } catch (InvalidFieldsException e) {
            e.errors().forEach(error -> errors.add(new Problem.FieldError(at + error.field()
                    .replace("customFields.", CsvLayout.CUSTOM_FIELD_PREFIX), error.message())));
            return values;
        }
    }

    private static List<String> splitList(String cell) {
        return java.util.Arrays.stream(cell.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static int len(String s) {
        return s == null ? 0 : s.length();
    }
}
