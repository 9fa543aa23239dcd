package dev.bulkhead.crash;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens for the crash test's clients, signed with a key made up for this run and handed to
 * the jars as {@code BULKHEAD_SECURITY_JWT_SECRET}, as an identity provider would sign them.
 */
final class CrashTokens {

    private final String secret = UUID.randomUUID() + "-" + UUID.randomUUID();
    private final Map<String, String> issued = new ConcurrentHashMap<>();

    Map<String, String> jarEnvironment() {
        return Map.of("BULKHEAD_SECURITY_JWT_SECRET", secret);
    }

    String customer(UUID userId) {
        return token(userId.toString(), "CUSTOMER");
    }

    String staff() {
        return token("crash-test-support", "SUPPORT");
    }

    private String token(String subject, String role) {
        return issued.computeIfAbsent(subject + "|" + role, unused -> {
            Instant now = Instant.now();
            JWTClaimsSet claims = new JWTClaimsSet.Builder().subject(subject).claim("roles", List.of(role))
                    .issueTime(Date.from(now)).expirationTime(Date.from(now.plus(Duration.ofHours(2)))).build();
            SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), claims);
            try {
                jwt.sign(new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
            } catch (JOSEException e) {
                throw new IllegalStateException(e);
            }
            return jwt.serialize();
        });
    }
}
