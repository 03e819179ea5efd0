package io.testtrack.platform.error;

import java.util.Map;

/**
 * An update was made against a version that is no longer current: 409 with the current version,
 * so the client reloads and reapplies its edit instead of silently overwriting someone else's.
 */
public class StaleVersionException extends DomainException {

    private final long currentVersion;

    public StaleVersionException(String what, long expected, long currentVersion) {
        super(409, "stale-version", "Stale version", what + " is at version " + currentVersion
                + ", not " + expected + "; reload it and apply your change again.");
        this.currentVersion = currentVersion;
    }

    @Override
    public Map<String, Object> extensions() {
        return Map.of("currentVersion", currentVersion);
    }
}
