package dev.bulkhead.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The bearer token a process presents when one of its modules asks a module hosted in another process
 * ({@code /internal/**}, ADR 0027): subject {@code module:<name>}, claim {@code module}, scope
 * {@code internal}, a minute of life, signed with the key of every other bearer token. It says which
 * module calls, never which customer: the customer's own token travels next to it
 * ({@link CallerTokens}). Minted once per calling module and reused until shortly before it expires,
 * so a busy caller signs one token a minute, not one per call.
 */
@Component
public class ServiceTokens {

    static final String MODULE_CLAIM = "module";
    static final String SCOPE_CLAIM = "scope";
    static final String SCOPE = "internal";
    static final String SUBJECT_PREFIX = "module:";
    /** What a verified service token is granted on {@code /internal}; no customer or staff token gets it. */
    static final String AUTHORITY = "SCOPE_" + SCOPE;
    static final Duration LIFETIME = Duration.ofSeconds(60);
    /** Renewed this long before it expires, so a token never runs out while its call travels. */
    static final Duration RENEWAL_MARGIN = Duration.ofSeconds(15);
    private static final String ISSUER = "bulkhead";

    private final JwtEncoder encoder;
    private final Clock clock;
    private final Map<String, Minted> minted = new ConcurrentHashMap<>();

    ServiceTokens(JwtEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    /** A valid service token for calls made by {@code module}. */
    public String forModule(String module) {
        Instant now = clock.instant();
        return minted.compute(module, (name, current) -> current != null && current.freshAt(now) ? current : mint(name, now))
                .token();
    }

    private Minted mint(String module, Instant now) {
        Instant expiresAt = now.plus(LIFETIME);
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(ISSUER).subject(SUBJECT_PREFIX + module).issuedAt(now)
                .expiresAt(expiresAt).claim(MODULE_CLAIM, module).claim(SCOPE_CLAIM, SCOPE).build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return new Minted(token, expiresAt);
    }

    /**
     * How {@code /internal} sees a verified token: a service token gets {@link #AUTHORITY}; any other
     * (a customer's, staff's) gets nothing, whatever roles it carries, and is refused with 403.
     */
    static JwtAuthenticationToken authentication(Jwt jwt) {
        return isServiceToken(jwt) ? new JwtAuthenticationToken(jwt, List.of(new SimpleGrantedAuthority(AUTHORITY)), jwt.getSubject())
                : new JwtAuthenticationToken(jwt, List.of(), jwt.getSubject());
    }

    static boolean isServiceToken(Jwt jwt) {
        String module = jwt.getClaimAsString(MODULE_CLAIM);
        return module != null && !module.isBlank() && (SUBJECT_PREFIX + module).equals(jwt.getSubject())
                && SCOPE.equals(jwt.getClaimAsString(SCOPE_CLAIM));
    }

    private record Minted(String token, Instant expiresAt) {

        boolean freshAt(Instant now) {
            return now.isBefore(expiresAt.minus(RENEWAL_MARGIN));
        }
    }
}
