package dev.bulkhead.platform.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param jwtSecret the HMAC key bearer tokens are signed with (at least 32 bytes); from the
 *        environment ({@code BULKHEAD_SECURITY_JWT_SECRET}), never from the repository
 * @param devTokens whether {@code POST /v1/dev/tokens} issues tokens: for local runs and tests only
 * @param tokenLifetime how long a development token is valid
 * @param maxRequestBytes the largest request body accepted
 */
@ConfigurationProperties("bulkhead.security")
record SecurityProperties(String jwtSecret, boolean devTokens, Duration tokenLifetime, Long maxRequestBytes) {

    SecurityProperties {
        tokenLifetime = tokenLifetime != null ? tokenLifetime : Duration.ofHours(1);
        maxRequestBytes = maxRequestBytes != null ? maxRequestBytes : 64 * 1024L;
    }
}
