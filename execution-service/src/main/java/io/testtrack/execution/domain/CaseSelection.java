package io.testtrack.execution.domain;

import java.util.List;
import java.util.UUID;

/**
 * Which cases a run takes: any of these ids, or in these suites or below them (none given: the
 * whole project); then all tags and any of the priorities and types.
 */
public record CaseSelection(List<UUID> caseIds, List<UUID> suiteIds, List<String> tags, List<String> priorities, List<String> types) {
}
