package dev.bulkhead.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/** A calling module's token: what it says, how long it lives, and that it is reused rather than signed per call. */
class ServiceTokensTests {

    private final SecretKey key = new SecretKeySpec("a-test-key-of-at-least-thirty-two-bytes!".getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    private final MutableClock clock = new MutableClock(Instant.parse("2026-06-01T10:00:00Z"));
    private final ServiceTokens tokens = new ServiceTokens(NimbusJwtEncoder.withSecretKey(key).algorithm(MacAlgorithm.HS256).build(), clock);

    @Test
    void aTokenNamesItsModuleAndTheInternalScopeAndLivesAMinute() {
        Jwt token = decode(tokens.forModule("order"));

        assertThat(token.getSubject()).isEqualTo("module:order");
        assertThat(token.getClaimAsString("module")).isEqualTo("order");
        assertThat(token.getClaimAsString("scope")).isEqualTo("internal");
        assertThat(token.getExpiresAt()).isEqualTo(clock.instant().plusSeconds(60));
        assertThat(ServiceTokens.isServiceToken(token)).isTrue();
        assertThat(ServiceTokens.authentication(token).getAuthorities()).extracting(Object::toString).containsExactly("SCOPE_internal");
    }

    @Test
    void aTokenIsReusedUntilShortlyBeforeItExpiresAndEachModuleHasItsOwn() {
        String first = tokens.forModule("order");
        clock.advance(Duration.ofSeconds(44));
        assertThat(tokens.forModule("order")).isEqualTo(first);
        assertThat(tokens.forModule("billing")).isNotEqualTo(first);

        clock.advance(Duration.ofSeconds(1)); // 15 s left: renewed
        String renewed = tokens.forModule("order");
        assertThat(renewed).isNotEqualTo(first);
        assertThat(decode(renewed).getExpiresAt()).isEqualTo(clock.instant().plusSeconds(60));
    }

    @Test
    void aCustomersTokenIsNoServiceTokenWhateverItClaims() {
        Jwt customer = Jwt.withTokenValue("t").header("alg", "HS256").subject("module:order").claim("roles", List.of("OPERATOR"))
                .claim("scope", "internal").build();

        assertThat(ServiceTokens.isServiceToken(customer)).isFalse(); // no module claim to match its subject
        assertThat(ServiceTokens.authentication(customer).getAuthorities()).isEmpty();
    }

    private Jwt decode(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setJwtValidator(jwt -> org.springframework.security.oauth2.core.OAuth2TokenValidatorResult.success());
        return decoder.decode(token);
    }

    private static final class MutableClock extends Clock {

        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
