package io.testtrack.auth.api;

import io.testtrack.auth.api.validation.AcceptablePassword;
import io.testtrack.auth.domain.User;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.UUID;

/** Request and response bodies of /api/auth. */
public final class AuthDtos {

    private AuthDtos() {
    }

    public record RegisterRequest(
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(max = 100) String name,
            @NotNull @AcceptablePassword String password) {
    }

    public record LoginRequest(
            @NotBlank @Size(max = 254) String email,
            @NotNull @Size(max = 256) String password) {
    }

    public record TokenRequest(@NotBlank @Size(max = 100) String token) {
    }

    public record ForgotRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    public record ResetRequest(
            @NotBlank @Size(max = 100) String token,
            @NotNull @AcceptablePassword String newPassword) {
    }

    public record ChangePasswordRequest(
            @NotNull @Size(max = 256) String currentPassword,
            @NotNull @AcceptablePassword String newPassword) {
    }

    public record Message(String message) {
    }

    public record UserView(UUID id, String email, String name, String role, boolean emailVerified, boolean active,
            Instant createdAt) {

        public static UserView of(User user) {
            return new UserView(user.id, user.email, user.name, user.globalRole.name(), user.emailVerified, user.active,
                    user.createdAt);
        }
    }

    public record LoginResponse(String accessToken, String tokenType, long expiresIn, UserView user) {
    }
}
