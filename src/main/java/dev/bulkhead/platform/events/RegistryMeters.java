package dev.bulkhead.platform.events;

import dev.bulkhead.platform.modules.DeclaredModules;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * The event registry's backlog per listening module, as gauges (ADR 0031): how long the oldest unfinished
 * publication has waited ({@value #OLDEST_AGE}, seconds: a late event shows here first), how many are unfinished
 * ({@value #INCOMPLETE}) and how many are parked for an operator ({@value #PARKED}). Read from the table when a
 * gauge is read (a scrape), at most once per {@link #FRESH_FOR}, so an instance that nobody scrapes queries
 * nothing. Publications to listeners outside the business modules (the broker's externalizer) count as
 * {@code platform}'s.
 */
final class RegistryMeters {

    static final String OLDEST_AGE = "bulkhead.events.publications.oldest-incomplete-age";
    static final String INCOMPLETE = "bulkhead.events.publications.incomplete";
    static final String PARKED = "bulkhead.events.publications.parked";
    static final Duration FRESH_FOR = Duration.ofSeconds(5);
    static final String PLATFORM = "platform";

    private static final Logger log = LoggerFactory.getLogger(RegistryMeters.class);

    private final PublicationRegistry registry;
    private final EventRetryProperties retry;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(Instant.MIN, Map.of());

    RegistryMeters(PublicationRegistry registry, EventRetryProperties retry, Clock clock, MeterRegistry meters) {
        this.registry = registry;
        this.retry = retry;
        this.clock = clock;
        List<String> modules = new ArrayList<>(DeclaredModules.businessModuleNames());
        modules.add(PLATFORM);
        for (String module : modules) {
            Gauge.builder(OLDEST_AGE, () -> backlog(module).oldestAge(clock.instant()).toMillis() / 1000.0)
                    .tag("module", module).baseUnit("seconds")
                    .description("How long the module's oldest unfinished event delivery has waited").register(meters);
            Gauge.builder(INCOMPLETE, () -> backlog(module).incomplete())
                    .tag("module", module).description("Event deliveries to the module not completed yet").register(meters);
            Gauge.builder(PARKED, () -> backlog(module).parked())
                    .tag("module", module).description("Event deliveries to the module parked for an operator").register(meters);
        }
    }

    private ModuleBacklog backlog(String module) {
        return current().modules().getOrDefault(module, ModuleBacklog.NONE);
    }

    private Snapshot current() {
        Snapshot taken = snapshot;
        Instant now = clock.instant();
        if (taken.at().plus(FRESH_FOR).isAfter(now)) {
            return taken;
        }
        synchronized (this) {
            if (snapshot.at().plus(FRESH_FOR).isAfter(now)) {
                return snapshot;
            }
            try {
                snapshot = new Snapshot(now, byModule(registry.backlogByListener(retry.maxAttempts())));
            } catch (DataAccessException unavailable) {
                // the registry's database is the one thing these gauges report on: keep the last figures, try again later
                log.debug("Could not read the event registry's backlog", unavailable);
                snapshot = new Snapshot(now, snapshot.modules());
            }
            return snapshot;
        }
    }

    private static Map<String, ModuleBacklog> byModule(List<PublicationRegistry.Backlog> listeners) {
        DeclaredModules modules = DeclaredModules.application();
        Map<String, ModuleBacklog> byModule = new HashMap<>();
        for (PublicationRegistry.Backlog listener : listeners) {
            String module = modules.moduleOf(listener.listenerId()).map(DeclaredModules.DeclaredModule::name).orElse(PLATFORM);
            byModule.merge(module, new ModuleBacklog(listener.oldest(), listener.incomplete(), listener.parked()), ModuleBacklog::plus);
        }
        return byModule;
    }

    private record Snapshot(Instant at, Map<String, ModuleBacklog> modules) {
    }

    private record ModuleBacklog(Instant oldest, int incomplete, int parked) {

        static final ModuleBacklog NONE = new ModuleBacklog(Instant.MAX, 0, 0);

        ModuleBacklog plus(ModuleBacklog other) {
            return new ModuleBacklog(oldest.isBefore(other.oldest) ? oldest : other.oldest, incomplete + other.incomplete,
                    parked + other.parked);
        }

        Duration oldestAge(Instant now) {
            return oldest.equals(Instant.MAX) || oldest.isAfter(now) ? Duration.ZERO : Duration.between(oldest, now);
        }
    }
}
