package dev.skiff.hub.auth;

/** Who is calling: the token's user, its role ({@code read} or {@code write}) and the token's display name. */
public record Principal(String user, String role, String tokenName) {
    public boolean canWrite() {
        return "write".equals(role);
    }
}
