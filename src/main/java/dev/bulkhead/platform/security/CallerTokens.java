package dev.bulkhead.platform.security;

import dev.bulkhead.platform.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The bearer token a call to a module hosted in another process carries: the caller's own token
 * when a request is being served, so the remote module checks ownership exactly as it would in
 * process; a short-lived token of the system itself (support role: read-only) for background work.
 */
@Component
public class CallerTokens {

    private static final Duration SYSTEM_TOKEN_LIFETIME = Duration.ofMinutes(5);

    private final JwtEncoder encoder;
    private final Clock clock;

    CallerTokens(JwtEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    public String current() {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        if (caller instanceof JwtAuthenticationToken jwt) {
            return jwt.getToken().getTokenValue();
        }
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("bulkhead").subject("system").issuedAt(now)
                .expiresAt(now.plus(SYSTEM_TOKEN_LIFETIME)).claim(SecurityConfiguration.ROLES_CLAIM, List.of(Caller.SUPPORT))
                .build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }
}
