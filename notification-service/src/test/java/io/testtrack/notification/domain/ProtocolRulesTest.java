package io.testtrack.notification.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.testtrack.events.EventEnvelope;
import io.testtrack.platform.error.InvalidFieldsException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The pure rules: what a client may send, what an event becomes, who hears of it. */
class ProtocolRulesTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void clientMessagesAreReadOrRefusedWithACode() {
        UUID id = UUID.randomUUID();
        assertEquals(new ClientMessage.Subscribe(Channel.project(id)),
                ClientMessage.parse("{\"type\":\"subscribe\",\"channel\":\"project:" + id + "\"}", mapper));
        assertInstanceOf(ClientMessage.Auth.class, ClientMessage.parse("{\"type\":\"auth\",\"token\":\"x\"}", mapper));
        assertEquals(new ClientMessage.Presence(id, null, ClientMessage.PresenceState.VIEWING),
                ClientMessage.parse("{\"type\":\"presence\",\"runId\":\"" + id + "\",\"state\":\"VIEWING\"}", mapper));
        Map<String, String> refused = Map.of(
                "{", "malformed",
                "\"auth\"", "malformed",
                "{\"type\":\"auth\"}", "malformed",
                "{\"type\":\"auth\",\"token\":\"\"}", "malformed",
                "{\"type\":\"subscribe\",\"channel\":\"user:" + id + "\"}", "malformed",
                "{\"type\":\"subscribe\",\"channel\":\"run:" + id + "x\"}", "malformed",
                "{\"type\":\"presence\",\"runId\":\"" + id + "\",\"state\":\"DANCING\"}", "malformed",
                "{\"type\":\"shout\"}", "unknown-type",
                "{\"type\":\"auth\",\"token\":\"" + "x".repeat(ClientMessage.MAX_LENGTH) + "\"}", "too-large");
        refused.forEach((text, code) -> assertEquals(code,
                assertThrows(ClientMessage.BadMessage.class, () -> ClientMessage.parse(text, mapper)).code(), text));
    }

    @Test
    void theBudgetRefusesThenCloses() {
        MessageBudget budget = new MessageBudget(3);
        List<MessageBudget.Verdict> verdicts = new java.util.ArrayList<>();
        for (int i = 0; i < 7; i++) {
            verdicts.add(budget.spend(10_000));
        }
        assertEquals(List.of(MessageBudget.Verdict.READ, MessageBudget.Verdict.READ, MessageBudget.Verdict.READ,
                MessageBudget.Verdict.OVER, MessageBudget.Verdict.OVER, MessageBudget.Verdict.OVER, MessageBudget.Verdict.CLOSE), verdicts);
        assertEquals(MessageBudget.Verdict.READ, budget.spend(11_000), "a new second, a new budget");
    }

    @Test
    void anEventBecomesASmallSummaryOnItsProjectAndRunChannels() {
        UUID project = UUID.randomUUID();
        UUID run = UUID.randomUUID();
        ObjectNode data = mapper.createObjectNode().put("projectId", project.toString()).put("runId", run.toString())
                .put("comment", "y".repeat(1000));
        data.putArray("steps").add("a");
        data.putObject("counts").put("passed", 3).putObject("deeper").put("x", 1);
        EventEnvelope envelope = new EventEnvelope("1.0", "e1", "/s", "testtrack.defect.DefectReopened", Instant.EPOCH, "d", "application/json",
                2, null, data);
        assertEquals(List.of(Channel.project(project), Channel.run(run)), Activity.channels(data));
        ObjectNode summary = Activity.summary(envelope);
        assertEquals("DefectReopened", summary.get("type").asText());
        assertEquals(2, summary.get("version").asInt());
        assertEquals(Activity.MAX_TEXT, summary.at("/data/comment").asText().length());
        assertFalse(summary.get("data").has("steps"));
        assertEquals(3, summary.at("/data/counts/passed").asInt());
        assertFalse(summary.at("/data/counts").has("deeper"));
        ObjectNode testCase = mapper.createObjectNode();
        testCase.putObject("testCase").put("projectId", project.toString());
        assertEquals(List.of(Channel.project(project)), Activity.channels(testCase));
        assertTrue(Activity.channels(mapper.createObjectNode().put("runId", run.toString())).isEmpty(), "no project, no channel");
    }

    @Test
    void recipientsFollowTheRulesAndNeverIncludeTheActor() {
        UUID reporter = UUID.randomUUID();
        UUID assignee = UUID.randomUUID();
        UUID watcher = UUID.randomUUID();
        UUID mentioned = UUID.randomUUID();
        RecipientRules.Facts facts = new RecipientRules.Facts(reporter, assignee, Set.of(watcher), null, Set.of(mentioned));
        ObjectNode byAssignee = mapper.createObjectNode().put("changedBy", assignee.toString());
        assertEquals(Map.of(reporter, "reporter", watcher, "watcher", mentioned, "mentioned"),
                RecipientRules.personal("testtrack.defect.DefectStatusChanged", byAssignee, facts));
        assertEquals(Map.of(assignee, "assignee", mentioned, "mentioned"),
                RecipientRules.personal("testtrack.defect.DefectCreated", mapper.createObjectNode().put("reporterId", reporter.toString()), facts));
        UUID owner = UUID.randomUUID();
        RecipientRules.Facts run = new RecipientRules.Facts(null, null, Set.of(), owner, Set.of());
        assertEquals(Map.of(owner, "owner"), RecipientRules.personal("testtrack.execution.ExecutionStatusChanged",
                mapper.createObjectNode().put("status", "FAILED"), run));
        assertTrue(RecipientRules.personal("testtrack.execution.ExecutionStatusChanged",
                mapper.createObjectNode().put("status", "PASSED"), run).isEmpty());
    }

    @Test
    void mentionsAreAddressesAfterAnAt() {
        assertEquals(Set.of("ana@example.com", "bo.b@shop.example.org"),
                RecipientRules.mentions("@Ana@Example.com and @bo.b@shop.example.org, not mail@example.com nor @nobody"));
    }

    @Test
    void cursorsRoundTripAndForgedOnesAreRefused() {
        Cursor cursor = new Cursor(1, Instant.parse("2026-01-02T03:04:05.123456Z"), UUID.randomUUID());
        assertEquals(cursor, Cursor.decode(cursor.encode()));
        for (String bad : List.of("x", "!!!", java.util.Base64.getUrlEncoder().encodeToString("1|now|x".getBytes()))) {
            assertThrows(InvalidFieldsException.class, () -> Cursor.decode(bad));
        }
    }
}
