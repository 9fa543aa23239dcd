package dev.bulkhead.platform.observability;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;
import org.springframework.http.server.observation.DefaultServerRequestObservationConvention;
import org.springframework.http.server.observation.ServerRequestObservationContext;

/**
 * Spring's HTTP server observation ({@code http.server.requests} and the request's span) with one tag more: the
 * {@value ModuleSteps#MODULE} the request was for, so that an operator reads requests, latencies and 503 refusals
 * per module ({@code http_server_requests_seconds_count} with {@code status="503"} and the module).
 */
final class ModuleServerRequestConvention extends DefaultServerRequestObservationConvention {

    private final ModuleOfRequest modules;

    ModuleServerRequestConvention(ModuleOfRequest modules) {
        this.modules = modules;
    }

    @Override
    public KeyValues getLowCardinalityKeyValues(ServerRequestObservationContext context) {
        return super.getLowCardinalityKeyValues(context).and(KeyValue.of(ModuleSteps.MODULE, modules.of(context.getCarrier())));
    }
}
