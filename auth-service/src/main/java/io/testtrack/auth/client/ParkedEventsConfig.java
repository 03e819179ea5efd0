package io.testtrack.auth.client;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/** Where the other services answer for their parked events: service name → base URL. */
@ConfigMapping(prefix = "parked-events")
public interface ParkedEventsConfig {

    Map<String, String> services();
}
