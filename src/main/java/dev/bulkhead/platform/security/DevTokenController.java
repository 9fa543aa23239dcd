package dev.bulkhead.platform.security;

import dev.bulkhead.platform.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issues development tokens: {@code POST /v1/dev/tokens {"subject": "<user id>", "roles": ["CUSTOMER"]}}.
 * Only when {@code bulkhead.security.dev-tokens=true} (local runs and tests); production gets its
 * tokens from the company's identity provider, signed with the same key.
 */
@RestController
@ConditionalOnBooleanProperty("bulkhead.security.dev-tokens")
class DevTokenController {

    static final String PATH = "/v1/dev/tokens";

    private final JwtEncoder encoder;
    private final SecurityProperties properties;
    private final Clock clock;

    DevTokenController(JwtEncoder encoder, SecurityProperties properties, Clock clock) {
        this.encoder = encoder;
        this.properties = properties;
        this.clock = clock;
    }

    @PostMapping(PATH)
    Map<String, String> issue(@Valid @RequestBody TokenRequest request) {
        Instant now = clock.instant();
        JwtClaimsSet claims = JwtClaimsSet.builder()
                .issuer("bulkhead-dev")
                .subject(request.subject())
                .issuedAt(now)
                .expiresAt(now.plus(properties.tokenLifetime()))
                .claim(SecurityConfiguration.ROLES_CLAIM, request.roles())
                .build();
        String token = encoder.encode(JwtEncoderParameters.from(JwsHeader.with(MacAlgorithm.HS256).build(), claims)).getTokenValue();
        return Map.of("token", token);
    }

    record TokenRequest(
            @NotBlank @Size(max = 100) String subject,
            @NotEmpty @Size(max = 3) List<@Pattern(regexp = Caller.CUSTOMER + "|" + Caller.SUPPORT + "|" + Caller.OPERATOR,
                    message = "must be CUSTOMER, SUPPORT or OPERATOR") String> roles) {
    }
}
