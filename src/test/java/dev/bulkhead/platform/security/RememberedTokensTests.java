package dev.bulkhead.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** The memory of verified bearer tokens, tried as a client with an old, a forged and a changed token would. */
class RememberedTokensTests {

    private static final SecretKey KEY = new SecretKeySpec(
            "a key of at least thirty-two bytes for HS256".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);
    private final JwtTimestampValidator validator = validator(clock);
    private final AtomicInteger verifications = new AtomicInteger();
    private final JwtDecoder counting = token -> {
        verifications.incrementAndGet();
        return nimbus(KEY, validator).decode(token);
    };

    @Test
    void a_token_used_again_is_verified_once() {
        RememberedTokens tokens = new RememberedTokens(counting, validator, 10);
        String token = token(KEY, "customer-1", NOW.plusSeconds(300));

        Jwt first = tokens.decode(token);
        Jwt again = tokens.decode(token);

        assertThat(again).isSameAs(first);
        assertThat(verifications).hasValue(1);
    }

    @Test
    void a_remembered_token_that_expired_since_is_refused() {
        RememberedTokens tokens = new RememberedTokens(counting, validator, 10);
        String token = token(KEY, "customer-1", NOW.plusSeconds(60));
        tokens.decode(token);

        clock.moveTo(NOW.plusSeconds(61));

        assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
                .hasMessageContaining("expired");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void a_token_changed_in_one_character_or_signed_with_another_key_is_verified_and_refused() {
        RememberedTokens tokens = new RememberedTokens(counting, validator, 10);
        String token = token(KEY, "customer-1", NOW.plusSeconds(300));
        tokens.decode(token);
        String lastCharacterChanged = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        String forged = token(new SecretKeySpec("another key of at least thirty-two bytes!!".getBytes(StandardCharsets.UTF_8),
                "HmacSHA256"), "customer-1", NOW.plusSeconds(300));

        assertThatThrownBy(() -> tokens.decode(lastCharacterChanged)).isInstanceOf(JwtException.class);
        assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
        assertThat(verifications).hasValue(3);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void the_memory_never_holds_more_than_its_capacity() {
        RememberedTokens tokens = new RememberedTokens(counting, validator, 3);

        for (int i = 0; i < 10; i++) {
            tokens.decode(token(KEY, "customer-" + i, NOW.plusSeconds(300)));
            assertThat(tokens.size()).isBetween(1, 3);
        }
    }

    private static String token(SecretKey key, String subject, Instant expiresAt) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer("bulkhead").subject(subject)
                .issuedAt(expiresAt.minusSeconds(600)).expiresAt(expiresAt).build();
        return NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
    }

    private static NimbusJwtDecoder nimbus(SecretKey key, JwtTimestampValidator validator) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(validator);
        return decoder;
    }

    private static JwtTimestampValidator validator(Clock clock) {
        JwtTimestampValidator validator = new JwtTimestampValidator(Duration.ZERO);
        validator.setClock(clock);
        return validator;
    }

    private static final class MovableClock extends Clock {

        private Instant now;

        MovableClock(Instant now) {
            this.now = now;
        }

        void moveTo(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
