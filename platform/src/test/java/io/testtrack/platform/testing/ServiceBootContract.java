package io.testtrack.platform.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.testtrack.platform.config.PlatformConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What every service must show once booted: health, metrics and OpenAPI are served, its
 * migrations ran in its own schema, and its database role cannot read any other service's schema.
 * Each service's boot test extends this class and is a {@code @QuarkusTest}.
 */
public abstract class ServiceBootContract {

    /** Every schema of the platform in the test database. */
    protected static final List<String> ALL_SCHEMAS =
            List.of("auth", "testcase", "execution", "defect", "analytics", "notification", "platform");

    @Inject
    protected Pool pool;

    @Inject
    protected PlatformConfig config;

    /** The schema this service must own, as README.md's module table names it. */
    protected abstract String expectedSchema();

    @Test
    void ownsTheSchemaItsModuleTableNames() {
        assertEquals(expectedSchema(), config.schema());
        assertEquals(expectedSchema(), scalar("SELECT current_schema()"));
    }

    /** Parts of the names of the readiness checks this service must report UP. */
    protected List<String> expectedReadinessChecks() {
        return List.of("Reactive PostgreSQL", "Kafka");
    }

    @Test
    void isLiveAndReadyWithItsDatabaseAndBroker() {
        given().get("/q/health/live").then().statusCode(200).body("status", is("UP"));
        var ready = given().get("/q/health/ready").then().statusCode(200).body("status", is("UP"));
        for (String check : expectedReadinessChecks()) {
            ready.body("checks.findAll { it.status == 'UP' }.name", hasItem(containsString(check)));
        }
    }

    @Test
    void servesPrometheusMetricsAndOpenApi() {
        given().get("/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
        given().accept("application/json").get("/q/openapi").then().statusCode(200).body("openapi", containsString("3."));
    }

    @Test
    void ranItsMigrationsInItsOwnSchema() {
        String applied = scalar("SELECT string_agg(version, ',' ORDER BY installed_rank) FROM flyway_schema_history "
                + "WHERE success");
        assertTrue(applied.startsWith("0.1,0.2"), "platform migrations first: " + applied);
        assertEquals(expectedSchema(), scalar("SELECT table_schema FROM information_schema.tables WHERE table_name = 'outbox' "
                + "AND table_schema = current_schema()"));
    }

    @Test
    void cannotReadAnyOtherServicesSchema() {
        for (String other : ALL_SCHEMAS) {
            if (other.equals(expectedSchema())) {
                continue;
            }
            PgException denied = assertThrows(PgException.class, () -> scalar("SELECT count(*)::text FROM " + other + ".outbox"),
                    "role " + config.schema() + " read schema " + other);
            assertEquals("42501", denied.getSqlState(), "permission denied on " + other + ": " + denied.getMessage());
        }
    }

    @Test
    void cannotCreateObjectsOutsideItsSchema() {
        PgException denied = assertThrows(PgException.class, () -> scalar("CREATE TABLE public.intruder (id int)"));
        assertEquals("42501", denied.getSqlState());
    }

    protected String scalar(String sql) {
        var rows = pool.query(sql).execute().await().atMost(Duration.ofSeconds(10));
        var it = rows.iterator();
        return it.hasNext() ? String.valueOf(it.next().getValue(0)) : null;
    }
}
