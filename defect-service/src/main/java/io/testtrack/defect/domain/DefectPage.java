package io.testtrack.defect.domain;

import java.util.List;

/** One page of a defect list and where the next one starts (null on the last). */
public record DefectPage(List<DefectSummary> items, String nextCursor) {
}
