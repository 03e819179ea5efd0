package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.fields.CustomFieldRules;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.CaseQuery;
import io.testtrack.testcase.domain.CsvLayout;
import io.testtrack.testcase.domain.FieldDefinition;
import io.testtrack.testcase.domain.SharedSteps;
import io.testtrack.testcase.domain.StepItem;
import io.testtrack.testcase.domain.Suite;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.repository.FieldDefinitionRepository;
import io.testtrack.testcase.repository.SharedStepsRepository;
import io.testtrack.testcase.repository.SuiteRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Streams the cases of any search as CSV in the layout that {@link CsvImport} reads back. */
@ApplicationScoped
public class CsvExport {

    private record Context(List<FieldDefinition> fields, Map<UUID, Suite> suites, Map<UUID, String> groupNames) {
    }

    private final SearchService search;
    private final FieldDefinitionRepository fields;
    private final SuiteRepository suites;
    private final SharedStepsRepository shared;
    private final ProjectAccess access;

    public CsvExport(SearchService search, FieldDefinitionRepository fields, SuiteRepository suites, SharedStepsRepository shared,
            ProjectAccess access) {
        this.search = search;
        this.fields = fields;
        this.suites = suites;
        this.shared = shared;
        this.access = access;
    }

    /** The header line, then a line per case. */
    public Multi<String> export(Principal principal, CaseQuery query, Map<String, String> customFields) {
        return access.require(principal, query.projectId(), Permission.READ)
                .chain(() -> context(query.projectId()))
                .toMulti()
                .onItem().transformToMultiAndConcatenate(context -> Multi.createBy().concatenating().streams(
                        Multi.createFrom().item(line(header(context))),
                        search.all(principal, query, customFields).map(testCase -> line(row(context, testCase)))));
    }

    private Uni<Context> context(UUID projectId) {
        return Panache.withSession(() -> fields.ofProject(projectId).chain(definitions -> suites.ofProject(projectId)
                .chain(suiteList -> shared.ofProject(projectId).map(groups -> new Context(definitions,
                        suiteList.stream().collect(Collectors.toMap(s -> s.id, Function.identity())),
                        groups.stream().collect(Collectors.toMap(g -> g.id, (SharedSteps g) -> g.name)))))));
    }

    private static List<String> header(Context context) {
        List<String> header = new ArrayList<>(CsvLayout.COLUMNS);
        context.fields().forEach(f -> header.add(CsvLayout.CUSTOM_FIELD_PREFIX + f.name));
        return header;
    }

    private static List<String> row(Context context, TestCase c) {
        List<String> cells = new ArrayList<>(List.of(c.key, c.title, nullToEmpty(c.description), nullToEmpty(c.preconditions),
                c.type.name(), c.priority.name(), c.status.name(), String.join(";", c.tags),
                c.estimateMinutes == null ? "" : c.estimateMinutes.toString(), suitePath(context, c.suiteId),
                nullToEmpty(c.automationKey), CsvLayout.writeSteps(c.steps.stream().map(s -> cell(context, s)).toList())));
        context.fields().forEach(f -> cells.add(CustomFieldRules.format(c.customFields.get(f.name))));
        return cells;
    }

    private static CsvLayout.CellStep cell(Context context, StepItem step) {
        return step.isShared() ? new CsvLayout.CellStep(null, null, null, context.groupNames().get(step.sharedStepsId()))
                : new CsvLayout.CellStep(step.action(), step.expectedResult(), step.testData(), null);
    }

    private static String suitePath(Context context, UUID suiteId) {
        List<String> names = new ArrayList<>();
        for (Suite s = suiteId == null ? null : context.suites().get(suiteId); s != null; s = s.parentId == null ? null
                : context.suites().get(s.parentId)) {
            names.add(s.name);
        }
        Collections.reverse(names);
        return String.join(CsvLayout.SUITE_SEPARATOR, names);
    }

    private static String line(List<String> cells) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            printer.printRecord(cells.stream().map(CsvLayout::escape).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
