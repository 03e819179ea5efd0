package io.testtrack.testcase.domain;

import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.common.Problem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/** The rules of a step list: numbered 1..n without gaps, each step with an action, shared groups expanded on read. */
public final class Steps {

    public static final int MAX_STEPS = 500;
    public static final int MAX_TEXT = 10_000;

    private Steps() {
    }

    /**
     * Puts numbered steps in order after checking that the numbers run 1..n once each and that
     * every step has an action or names a shared group (not both); one call adds, edits, removes
     * and reorders.
     */
    public static List<StepItem> arrange(List<NumberedStep> steps, String field) {
        if (steps == null) {
            return List.of();
        }
        if (steps.size() > MAX_STEPS) {
            throw new InvalidFieldsException(field, "at most " + MAX_STEPS + " steps");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        List<Integer> indexes = steps.stream().map(NumberedStep::index).filter(Objects::nonNull).sorted().toList();
        List<Integer> expected = IntStream.rangeClosed(1, steps.size()).boxed().toList();
        if (!indexes.equals(expected)) {
            errors.add(new Problem.FieldError(field, "step indexes must run 1.." + steps.size()
                    + " with no gaps or repeats; got " + indexes));
        }
        for (int i = 0; i < steps.size(); i++) {
            NumberedStep step = steps.get(i);
            boolean ownText = Stream.of(step.action(), step.expectedResult(), step.testData()).anyMatch(s -> s != null && !s.isBlank());
            if (step.sharedStepsId() != null && ownText) {
                errors.add(new Problem.FieldError(field + "[" + i + "]", "a step either includes shared steps or has its own text, not both"));
            } else if (step.sharedStepsId() == null && (step.action() == null || step.action().isBlank())) {
                errors.add(new Problem.FieldError(field + "[" + i + "].action", "must not be blank"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        return steps.stream().sorted(Comparator.comparing(NumberedStep::index)).map(NumberedStep::item).toList();
    }

    /** The stored items numbered again, as clients read them. */
    public static List<NumberedStep> numbered(List<StepItem> items) {
        return IntStream.range(0, items.size())
                .mapToObj(i -> new NumberedStep(i + 1, items.get(i).action(), items.get(i).expectedResult(),
                        items.get(i).testData(), items.get(i).sharedStepsId()))
                .toList();
    }

    public static Set<UUID> sharedIds(List<StepItem> items) {
        return items.stream().map(StepItem::sharedStepsId).filter(Objects::nonNull).collect(Collectors.toSet());
    }

    /** The flat list a tester executes: every shared group replaced by its steps, numbered 1..n. */
    public static List<TestCaseSnapshot.Step> expand(List<StepItem> items, Map<UUID, List<StepItem>> shared) {
        List<TestCaseSnapshot.Step> flat = new ArrayList<>();
        for (StepItem item : items) {
            List<StepItem> group = item.isShared() ? shared.getOrDefault(item.sharedStepsId(), List.of()) : List.of(item);
            for (StepItem step : group) {
                flat.add(new TestCaseSnapshot.Step(flat.size() + 1, step.action(), step.expectedResult(), step.testData()));
            }
        }
        return flat;
    }

    /** The words of every step, for full-text search. */
    public static String text(List<TestCaseSnapshot.Step> steps) {
        return steps.stream()
                .flatMap(s -> Stream.of(s.action(), s.expectedResult(), s.testData()))
                .filter(Objects::nonNull)
                .collect(Collectors.joining("\n"));
    }
}
