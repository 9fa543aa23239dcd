package dev.bulkhead.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * On {@code /internal}, once the calling module's service token has been accepted: the published query
 * runs as the caller the module is serving, from the token relayed in {@link CallerTokens#HEADER}
 * and verified like any bearer token, so {@code Caller} checks ownership as it would in process.
 * Without a relayed token it runs as the system (no authentication), as a listener's call would in
 * process; the service token itself is never the caller a module sees. A relayed token that does not
 * verify is a 401, and the query does not run.
 */
final class CallerRelay extends OncePerRequestFilter {

    private final JwtDecoder decoder;
    private final Converter<Jwt, AbstractAuthenticationToken> callers;
    private final ProblemResponses problems;

    CallerRelay(JwtDecoder decoder, Converter<Jwt, AbstractAuthenticationToken> callers, ProblemResponses problems) {
        this.decoder = decoder;
        this.callers = callers;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SecurityContext relayed = SecurityContextHolder.createEmptyContext();
        String token = request.getHeader(CallerTokens.HEADER);
        if (token != null) {
            try {
                relayed.setAuthentication(callers.convert(decoder.decode(token)));
            } catch (JwtException invalid) {
                problems.commence(request, response, new InvalidBearerTokenException("the relayed caller token is invalid", invalid));
                return;
            }
        }
        SecurityContext serviceCall = SecurityContextHolder.getContext();
        SecurityContextHolder.setContext(relayed);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.setContext(serviceCall);
        }
    }
}
