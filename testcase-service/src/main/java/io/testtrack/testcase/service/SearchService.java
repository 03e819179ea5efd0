package io.testtrack.testcase.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.platform.fields.CustomFieldRules;
import io.testtrack.platform.security.Permission;
import io.testtrack.platform.security.Principal;
import io.testtrack.platform.security.ProjectAccess;
import io.testtrack.testcase.domain.CaseListing;
import io.testtrack.testcase.domain.CaseQuery;
import io.testtrack.testcase.domain.Cursor;
import io.testtrack.testcase.domain.FieldDefinition;
import io.testtrack.testcase.domain.TestCase;
import io.testtrack.testcase.repository.CaseSearch;
import io.testtrack.testcase.repository.FieldDefinitionRepository;
import io.testtrack.testcase.repository.TestCaseRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Finding cases: one page with a cursor to the next and the total; or every match, page by page, for an export. */
@ApplicationScoped
public class SearchService {

    /** A page; {@code total} is exact unless {@code totalCapped} (see {@link CaseSearch#COUNT_CAP}). */
    public record Result(List<CaseListing> items, Cursor next, long total, boolean totalCapped) {
    }

    private static final int EXPORT_PAGE = 500;

    private final CaseSearch search;
    private final TestCaseRepository cases;
    private final FieldDefinitionRepository fields;
    private final ProjectAccess access;
    private final SearchTotals totals;

    public SearchService(CaseSearch search, TestCaseRepository cases, FieldDefinitionRepository fields, ProjectAccess access,
            SearchTotals totals) {
        this.search = search;
        this.totals = totals;
        this.cases = cases;
        this.fields = fields;
        this.access = access;
    }

    /** {@code customFields} come as text (query parameters) and are read by their definitions' types. */
    public Uni<Result> search(Principal principal, CaseQuery query, Map<String, String> customFields) {
        return access.require(principal, query.projectId(), Permission.READ)
                .chain(() -> typed(query, customFields))
                .chain(typed -> Uni.combine().all().unis(search.listings(typed), total(typed)).asTuple())
                .map(both -> {
                    CaseSearch.Page<CaseListing> page = both.getItem1();
                    CaseSearch.Count total = both.getItem2();
                    Cursor next = page.nextValues() == null ? null
                            : new Cursor(query.sort(), query.descending(), page.nextValues(), total.value(), total.capped());
                    return new Result(page.items(), next, total.value(), total.capped());
                });
    }

    /** Counted on the first page (or kept from an earlier count: SearchTotals); the pages after it carry it in their cursor. */
    private Uni<CaseSearch.Count> total(CaseQuery query) {
        return query.after() != null ? Uni.createFrom().item(new CaseSearch.Count(query.after().total(), query.after().totalCapped()))
                : totals.total(query, () -> search.count(query));
    }

    /** Every case the query matches, in its order, a page at a time. */
    public Multi<TestCase> all(Principal principal, CaseQuery query, Map<String, String> customFields) {
        return access.require(principal, query.projectId(), Permission.READ)
                .chain(() -> typed(query, customFields))
                .toMulti()
                .onItem().transformToMultiAndConcatenate(typed -> Multi.createBy().repeating()
                        .uni(() -> new PageState(typed), state -> state.done ? Uni.createFrom().item(List.<TestCase>of())
                                : search.ids(state.query).chain(page -> load(page.items()).invoke(items -> state.advance(page))))
                        .whilst(items -> !items.isEmpty())
                        .onItem().transformToIterable(Function.identity()));
    }

    private static final class PageState {
        CaseQuery query;
        boolean done;

        PageState(CaseQuery query) {
            this.query = query.withPage(EXPORT_PAGE, null);
        }

        void advance(CaseSearch.Page<UUID> page) {
            done = page.nextValues() == null;
            query = query.withPage(EXPORT_PAGE, done ? null : new Cursor(query.sort(), query.descending(), page.nextValues(), 0, false));
        }
    }

    private Uni<List<TestCase>> load(List<UUID> ids) {
        if (ids.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Map<UUID, Integer> order = new LinkedHashMap<>();
        ids.forEach(id -> order.put(id, order.size()));
        return Panache.withSession(() -> cases.list("id in ?1", ids))
                .map(list -> list.stream().sorted(Comparator.comparing(c -> order.get(c.id))).toList());
    }

    private Uni<CaseQuery> typed(CaseQuery query, Map<String, String> customFields) {
        if (customFields.isEmpty()) {
            return Uni.createFrom().item(query);
        }
        return Panache.withSession(() -> fields.ofProject(query.projectId())).map(definitions -> {
            Map<String, FieldDefinition> byName = definitions.stream().collect(Collectors.toMap(d -> d.name, d -> d));
            Map<String, Object> values = new LinkedHashMap<>();
            customFields.forEach((name, text) -> {
                FieldDefinition definition = byName.get(name);
                if (definition == null) {
                    throw new InvalidFieldsException("cf." + name, "is not a custom field of this project");
                }
                try {
                    values.put(name, CustomFieldRules.parse(definition.rule(), text));
                } catch (IllegalArgumentException e) {
                    throw new InvalidFieldsException("cf." + name, e.getMessage());
                }
            });
            return query.withCustomFields(values);
        });
    }
}
