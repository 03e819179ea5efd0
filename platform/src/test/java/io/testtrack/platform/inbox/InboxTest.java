package io.testtrack.platform.inbox;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.reactive.mutiny.Mutiny;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** A poll's events claimed with one statement: each applied once, whatever the poll holds twice or held before. */
@QuarkusTest
class InboxTest {

    @Inject
    Mutiny.SessionFactory sessions;

    @Test
    void aPollsEventsAreClaimedOnceEachAndOnlyWhenTheTransactionCommits() {
        String consumer = "claims-" + UUID.randomUUID();
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        String c = UUID.randomUUID().toString();

        // A redelivery beside the event in the same poll: applied once, in the poll's order.
        assertEquals(List.of(b, a), claim(consumer, List.of(b, a, b), false, 200));
        // A later poll with one of them again: only the new one.
        assertEquals(List.of(c), claim(consumer, List.of(a, c), false, 200));
        // Another consumer has applied none of them.
        assertEquals(List.of(a, b, c), claim("other-" + consumer, List.of(a, b, c), false, 200));

        // A claim whose change fails rolls back with it: the event is new to the next poll.
        String d = UUID.randomUUID().toString();
        claim(consumer, List.of(d), true, 409);
        assertEquals(List.of(d), claim(consumer, List.of(c, d), false, 200));
    }

    private static List<String> claim(String consumer, List<String> ids, boolean fail, int status) {
        var response = given().contentType(ContentType.JSON)
                .body(Map.of("consumer", consumer, "eventIds", ids, "failAfterClaiming", fail))
                .post("/probe/inbox/claim").then().statusCode(status);
        return status == 200 ? response.extract().jsonPath().getList(".", String.class) : List.of();
    }

    /**
     * Every consumer claims every poll with this statement: its plan is made once, not anew for
     * each claim (Hibernate Reactive never finds a native select's plan again; each would stay in
     * its plan cache under the same hash as the others, and every later claim scan them all).
     */
    @Test
    void claimingMakesNoNewQueryPlanEachTime() {
        Statistics statistics = sessions.getStatistics();
        String consumer = "plans-" + UUID.randomUUID();
        claim(consumer, List.of(UUID.randomUUID().toString()), false, 200);
        long plansMade = statistics.getQueryPlanCacheMissCount();
        for (int i = 0; i < 5; i++) {
            claim(consumer, List.of(UUID.randomUUID().toString()), false, 200);
        }
        assertEquals(plansMade, statistics.getQueryPlanCacheMissCount(), "query plans made for 5 more claims");
    }
}
