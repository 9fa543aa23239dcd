package dev.bulkhead.platform.security;

import dev.bulkhead.platform.Caller;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.MappedJwtClaimSetConverter;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every {@code /v1} endpoint needs a bearer token except registration; health is public; the
 * admin endpoints and the rest of the actuator are for operators; the support views for support
 * staff. Tokens are JWTs signed with the configured HMAC key (ADR 0008); who may see which
 * customer's data is checked again in the module that owns it ({@link Caller}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecurityProperties.class)
class SecurityConfiguration {

    /** Verified bearer tokens kept: about 2 KiB each, so at most 2 MiB of the 160 MiB heap (ADR 0024). */
    private static final int REMEMBERED_TOKENS = 1_000;

    static final String ROLES_CLAIM = "roles";

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemResponses problems, SecurityProperties properties) throws Exception {
        http.csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies for a browser to send on its own
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // no sessions, so nothing to log out of and no request to save for after a login
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(HttpMethod.POST, "/v1/users").permitAll()
                            .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                            .requestMatchers("/error").permitAll();
                    if (properties.devTokens()) {
                        requests.requestMatchers(HttpMethod.POST, DevTokenController.PATH).permitAll();
                    }
                    requests.requestMatchers("/actuator/**", "/v1/admin/**").hasRole(Caller.OPERATOR)
                            .requestMatchers("/v1/support/**").hasAnyRole(Caller.SUPPORT, Caller.OPERATOR)
                            // the API's documents, and on the local run (test classpath only) Swagger UI
                            .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**").permitAll()
                            .anyRequest().authenticated();
                })
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        return http.build();
    }

    /**
     * Spring Security would wrap each of its filters in an observation of its own: a dozen timers
     * and spans around every request, in the benchmark about a tenth of the application's CPU per
     * request. The request itself is still observed ({@code http.server.requests}, with its status:
     * a refused token shows as a 401), as are authentication failures in the log (ADR 0022).
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The issuers here are names ("bulkhead", "bulkhead-dev"), not URLs. Spring's default claim conversion tries to make a
     * URL of {@code iss} on every request and pays for the exception each time; this keeps it a string.
     */
    @Bean
    JwtDecoder jwtDecoder(SecurityProperties properties) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withSecretKey(key(properties)).macAlgorithm(MacAlgorithm.HS256).build();
        decoder.setClaimSetConverter(MappedJwtClaimSetConverter.withDefaults(
                Map.of(JwtClaimNames.ISS, issuer -> issuer == null ? null : issuer.toString())));
        OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefault();
        decoder.setJwtValidator(validator);
        return new RememberedTokens(decoder, validator, REMEMBERED_TOKENS);
    }

    @Bean
    JwtEncoder jwtEncoder(SecurityProperties properties) {
        return NimbusJwtEncoder.withSecretKey(key(properties)).algorithm(MacAlgorithm.HS256).build();
    }

    /** The roles claim as Spring authorities; {@link CallerRelay} reads relayed caller tokens the same way. */
    static JwtAuthenticationConverter rolesFromClaim() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName(ROLES_CLAIM);
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    private static SecretKey key(SecurityProperties properties) {
        String secret = properties.jwtSecret();
        if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
            throw new InvalidConfigurationPropertyValueException("bulkhead.security.jwt-secret", "(hidden)",
                    "the key that signs bearer tokens must be set, at least 32 bytes long: "
                            + "set BULKHEAD_SECURITY_JWT_SECRET in the environment");
        }
        return new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    }
}
