package io.testtrack.execution.service;

import io.testtrack.platform.security.Principal;
import java.util.UUID;

/** Who a change is recorded against: the user, or the API token a CI pipeline used. */
public final class Actors {

    private Actors() {
    }

    public static UUID idOf(Principal principal) {
        return principal instanceof Principal.User user ? user.userId() : ((Principal.ApiToken) principal).tokenId();
    }
}
