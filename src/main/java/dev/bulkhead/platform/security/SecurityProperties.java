package dev.bulkhead.platform.security;

import java.time.Duration;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Bearer tokens (ADR 0008). The largest request body, {@code bulkhead.security.max-request-bytes}, is the web
 * layer's: {@code dev.bulkhead.platform.web.RequestSizeProperties}.
 *
 * @param jwtSecret the HMAC key bearer tokens are signed with, at least 32 bytes; from the environment
 *        ({@code BULKHEAD_SECURITY_JWT_SECRET}), never from the repository
 * @param devTokens whether {@code POST /v1/dev/tokens} issues tokens: for local runs and tests only
 * @param tokenLifetime how long a development token is valid
 */
@ConfigurationProperties("bulkhead.security")
@Validated
record SecurityProperties(
        // no constraint: Spring Boot's report of a violated one prints the rejected value, here the secret itself;
        // SecurityConfiguration checks it where it makes the key, and reports it hidden
        String jwtSecret,
        @DefaultValue("false") boolean devTokens,
        @DefaultValue("1h") @DurationMin(seconds = 1) Duration tokenLifetime) {
}
