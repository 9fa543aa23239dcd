package dev.bulkhead.platform.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * {@code /internal/**} is for the processes of this application only (ADR 0027): it takes nothing but a
 * service token ({@link ServiceTokens}). No token or an expired one is a 401; a customer's, support's or
 * an operator's token, valid as it may be, a 403. Its own filter chain, ahead of the API's
 * ({@link SecurityConfiguration}), so no rule of the public API applies here and no rule of here there.
 */
@Configuration(proxyBeanMethods = false)
class InternalSecurityConfiguration {

    static final String PATHS = "/internal/**";

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain internalCalls(HttpSecurity http, ProblemResponses problems, JwtDecoder decoder) throws Exception {
        http.securityMatcher(PATHS)
                .csrf(csrf -> csrf.disable()) // bearer tokens only
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(ServiceTokens.AUTHORITY))
                .oauth2ResourceServer(resource -> resource
                        .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(ServiceTokens::authentication))
                        .authenticationEntryPoint(problems)
                        .accessDeniedHandler(problems))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                // after the service token was authorised: the query runs as the customer the calling module serves
                .addFilterAfter(new CallerRelay(decoder, SecurityConfiguration.rolesFromClaim(), problems), AuthorizationFilter.class);
        return http.build();
    }
}
