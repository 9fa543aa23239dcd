package dev.bulkhead.platform.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The customer's (or staff member's) own bearer token, relayed in {@link #HEADER} when a module asks a
 * module hosted in another process while serving them, so the module that owns the data checks
 * ownership exactly as it would in process (ADR 0008). The call itself authenticates as the calling
 * module ({@link ServiceTokens}); {@code /internal} verifies the relayed token with the same decoder
 * and runs the query as that caller ({@link CallerRelay}). Work without a caller (listeners, jobs)
 * relays nothing and the owning module sees the system, as in process.
 */
public final class CallerTokens {

    public static final String HEADER = "Bulkhead-Caller";

    private CallerTokens() {
    }

    /** The token of the caller being served on this thread; empty for work without a caller. */
    public static Optional<String> current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        return caller instanceof JwtAuthenticationToken jwt ? Optional.of(jwt.getToken().getTokenValue()) : Optional.empty();
    }
}
