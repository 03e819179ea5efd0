package io.testtrack.testcase.service;

import io.testtrack.platform.security.Principal;
import java.util.UUID;

/** Who a change is recorded against: the user, or the API token that a CI pipeline used. */
final class Actors {

    private Actors() {
    }

    static UUID idOf(Principal principal) {
        return principal instanceof Principal.User user ? user.userId() : ((Principal.ApiToken) principal).tokenId();
    }
}
