package io.testtrack.common;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProblemTest {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void writesTheRfc9457MembersInOrderAndLeavesOutWhatIsEmpty() throws Exception {
        Problem problem = new Problem("/problems/not-found", "Not found", 404, "No such route: /api/x", "/api/x", "req-1",
                null, null);

        assertEquals("{\"type\":\"/problems/not-found\",\"title\":\"Not found\",\"status\":404,\"detail\":\"No such route: /api/x\","
                + "\"instance\":\"/api/x\",\"requestId\":\"req-1\"}", mapper.writeValueAsString(problem));
    }

    @Test
    void putsFieldErrorsAndExtensionsBesideTheStandardMembers() throws Exception {
        Problem problem = new Problem("/problems/conflict", "Conflict", 409, "stale", "/api/tests/1", null,
                List.of(new Problem.FieldError("version", "is stale")), Map.of("currentVersion", 3));

        assertEquals("{\"type\":\"/problems/conflict\",\"title\":\"Conflict\",\"status\":409,\"detail\":\"stale\","
                + "\"instance\":\"/api/tests/1\",\"errors\":[{\"field\":\"version\",\"message\":\"is stale\"}],\"currentVersion\":3}",
                mapper.writeValueAsString(problem));
    }
}
