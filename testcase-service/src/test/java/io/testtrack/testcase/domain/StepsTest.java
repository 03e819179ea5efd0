package io.testtrack.testcase.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.testtrack.events.testcase.TestCaseSnapshot;
import io.testtrack.platform.error.InvalidFieldsException;
import io.testtrack.common.Problem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class StepsTest {

    private static NumberedStep own(int index, String action) {
        return new NumberedStep(index, action, "expected " + index, null, null);
    }

    private static NumberedStep shared(int index, UUID group) {
        return new NumberedStep(index, null, null, null, group);
    }

    @Test
    void putsStepsInTheOrderTheirNumbersSayWhateverOrderTheyCameIn() {
        List<StepItem> arranged = Steps.arrange(List.of(own(3, "pay"), own(1, "open the cart"), own(2, "apply a coupon")), "steps");

        assertEquals(List.of("open the cart", "apply a coupon", "pay"), arranged.stream().map(StepItem::action).toList());
    }

    @Test
    void noStepsIsAnEmptyList() {
        assertEquals(List.of(), Steps.arrange(null, "steps"));
        assertEquals(List.of(), Steps.arrange(List.of(), "steps"));
    }

    @Test
    void refusesNumbersWithAGapOrARepeatAndNamesWhatItGot() {
        InvalidFieldsException gap = assertThrows(InvalidFieldsException.class,
                () -> Steps.arrange(List.of(own(1, "a"), own(3, "b")), "steps"));
        assertEquals(List.of(new Problem.FieldError("steps", "step indexes must run 1..2 with no gaps or repeats; got [1, 3]")),
                gap.errors());

        InvalidFieldsException repeat = assertThrows(InvalidFieldsException.class,
                () -> Steps.arrange(List.of(own(1, "a"), own(1, "b")), "steps"));
        assertEquals("steps", repeat.errors().get(0).field());
    }

    @Test
    void aStepHasAnActionOrIncludesSharedStepsButNotBoth() {
        NumberedStep both = new NumberedStep(1, "click", null, null, UUID.randomUUID());
        NumberedStep neither = new NumberedStep(2, "  ", "shown", null, null);

        InvalidFieldsException refused = assertThrows(InvalidFieldsException.class,
                () -> Steps.arrange(List.of(both, neither), "steps"));

        assertEquals(List.of("steps[0]", "steps[1].action"), refused.errors().stream().map(Problem.FieldError::field).toList());
    }

    @Test
    void refusesMoreStepsThanTheLimit() {
        List<NumberedStep> many = IntStream.rangeClosed(1, Steps.MAX_STEPS + 1).mapToObj(i -> own(i, "step " + i)).toList();

        InvalidFieldsException refused = assertThrows(InvalidFieldsException.class, () -> Steps.arrange(many, "steps"));

        assertEquals("at most " + Steps.MAX_STEPS + " steps", refused.errors().get(0).message());
        assertEquals(Steps.MAX_STEPS, Steps.arrange(many.subList(0, Steps.MAX_STEPS), "steps").size());
    }

    @Test
    void expandsSharedGroupsInPlaceAndNumbersTheFlatList() {
        UUID login = UUID.randomUUID();
        List<StepItem> items = List.of(StepItem.own("open the shop", null, null), StepItem.shared(login),
                StepItem.own("log out", "signed out", null));
        Map<UUID, List<StepItem>> groups = Map.of(login,
                List.of(StepItem.own("type the password", null, "secret"), StepItem.own("press enter", "signed in", null)));

        List<TestCaseSnapshot.Step> flat = Steps.expand(items, groups);

        assertEquals(List.of(
                new TestCaseSnapshot.Step(1, "open the shop", null, null),
                new TestCaseSnapshot.Step(2, "type the password", null, "secret"),
                new TestCaseSnapshot.Step(3, "press enter", "signed in", null),
                new TestCaseSnapshot.Step(4, "log out", "signed out", null)), flat);
    }

    @Test
    void aGroupThatNoLongerExistsExpandsToNothing() {
        List<StepItem> items = List.of(StepItem.shared(UUID.randomUUID()), StepItem.own("only step", null, null));

        assertEquals(List.of(new TestCaseSnapshot.Step(1, "only step", null, null)), Steps.expand(items, Map.of()));
    }

    @Test
    void numbersStoredItemsAgainAndArrangesThemBackUnchanged() {
        UUID group = UUID.randomUUID();
        List<StepItem> stored = List.of(StepItem.own("a", "b", "c"), StepItem.shared(group));

        List<NumberedStep> numbered = Steps.numbered(stored);

        assertEquals(List.of(1, 2), numbered.stream().map(NumberedStep::index).toList());
        assertEquals(stored, Steps.arrange(new ArrayList<>(numbered), "steps"));
        assertEquals(java.util.Set.of(group), Steps.sharedIds(stored));
    }

    @Test
    void searchTextHoldsEveryWordOfEveryStep() {
        String text = Steps.text(List.of(new TestCaseSnapshot.Step(1, "open", "opened", null), new TestCaseSnapshot.Step(2, "close", null, "x")));

        assertEquals("open\nopened\nclose\nx", text);
        assertTrue(Steps.text(List.of()).isEmpty());
    }
}
