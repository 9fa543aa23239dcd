/**
 * Module-shaped telemetry (ADR 0031): spans named after the module and the step ({@code order place},
 * {@code billing charge}), the {@code module} tag on HTTP meters and spans and in the log's MDC, and the
 * counters the modules do not keep themselves (inbox duplicates). Traces are Micrometer Tracing's with the
 * OpenTelemetry bridge, exported over OTLP when Spring Boot's properties name a collector. Nothing here is null
 * unless marked {@code @Nullable}.
 */
@NullMarked
package dev.bulkhead.platform.observability;

import org.jspecify.annotations.NullMarked;
