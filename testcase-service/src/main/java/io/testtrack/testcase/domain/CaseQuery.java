package io.testtrack.testcase.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A search over a project's cases: every filter narrows (all tags, any of the listed priorities,
 * statuses and types), then the sort, and the page after a cursor.
 */
public record CaseQuery(
        UUID projectId,
        String text,
        UUID suiteId,
        List<String> tags,
        Set<Priority> priorities,
        Set<CaseStatus> statuses,
        Set<CaseType> types,
        Boolean automated,
        Map<String, Object> customFields,
        boolean deleted,
        CaseSort sort,
        boolean descending,
        int limit,
        Cursor after) {

    public static final int MAX_LIMIT = 200;

    public CaseQuery withCustomFields(Map<String, Object> values) {
        return new CaseQuery(projectId, text, suiteId, tags, priorities, statuses, types, automated, values, deleted, sort, descending,
                limit, after);
    }

    /** The same filters without sort or page: what decides the total. */
    public CaseQuery filtersOnly() {
        return new CaseQuery(projectId, text, suiteId, tags, priorities, statuses, types, automated, customFields, deleted, null, false,
                0, null);
    }

    public CaseQuery withPage(int newLimit, Cursor newAfter) {
        return new CaseQuery(projectId, text, suiteId, tags, priorities, statuses, types, automated, customFields, deleted, sort,
                descending, newLimit, newAfter);
    }
}
