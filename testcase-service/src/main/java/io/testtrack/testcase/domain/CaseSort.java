package io.testtrack.testcase.domain;

import java.util.List;

/**
 * The orders a search can take. Each is a unique key (ending in a unique column) so that keyset
 * pagination never skips or repeats a case; {@code columns} pair an SQL expression with its type.
 */
public enum CaseSort {
    KEY(List.of(new Column("number", "integer"))),
    TITLE(List.of(new Column("lower(title)", "text"), new Column("id", "uuid"))),
    PRIORITY(List.of(new Column("priority_rank", "smallint"), new Column("number", "integer"))),
    UPDATED(List.of(new Column("updated_at", "timestamptz"), new Column("id", "uuid"))),
    CREATED(List.of(new Column("created_at", "timestamptz"), new Column("id", "uuid")));

    public record Column(String expression, String type) {
    }

    private final List<Column> columns;

    CaseSort(List<Column> columns) {
        this.columns = columns;
    }

    public List<Column> columns() {
        return columns;
    }

    /** Reads {@code key}, {@code -updated} and the like: a leading minus sorts descending. */
    public static CaseSort parse(String sort) {
        String name = sort.startsWith("-") ? sort.substring(1) : sort;
        return switch (name) {
            case "key" -> KEY;
            case "title" -> TITLE;
            case "priority" -> PRIORITY;
            case "updated", "updatedAt" -> UPDATED;
            case "created", "createdAt" -> CREATED;
            default -> throw new IllegalArgumentException("sort must be one of key, title, priority, updated, created"
                    + " (a leading - sorts descending)");
        };
    }
}
