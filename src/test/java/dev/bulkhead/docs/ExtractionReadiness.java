package dev.bulkhead.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModuleDependency;

/**
 * How far a module is from running as its own service with its own database, and what would have
 * to change. Blockers need other modules to change (they call into this module in-process in a way
 * the platform cannot serve over HTTP, or the database ties its tables to another schema); work
 * items change only this module; what is ready already works across processes (its published
 * queries, served over HTTP). The shared platform and kernel are libraries that travel with every
 * module, never something it calls remotely.
 */
record ExtractionReadiness(String module, List<ModuleCalls.Call> incomingCalls, List<ModuleCalls.Call> outgoingCalls,
        List<String> eventsIn, List<String> eventsOut, List<String> typesUsedByOthers,
        List<SchemaCatalog.CrossSchemaReference> databaseCrossings, List<String> foreignSchemaAccess,
        List<String> ready, List<String> blockers, List<String> workItems) {

    String verdict() {
        if (!blockers.isEmpty()) {
            return "Not yet extractable: " + blockers.size() + " blocker(s) that other modules or the database must resolve first";
        }
        if (!workItems.isEmpty()) {
            return "Extractable without changing other modules' code; " + workItems.size() + " change(s) in the move itself";
        }
        return "Extractable as it is";
    }

    static ExtractionReadiness assess(DocumentedModule module, Codebase codebase, ModuleCalls calls, EventGraph events,
            List<SchemaCatalog.CrossSchemaReference> crossings, List<RolePrivileges.Grant> grants,
            dev.bulkhead.platform.database.ProvisioningScript roles) {
        String name = module.name();
        String schema = module.schema().orElseThrow();
        List<ModuleCalls.Call> incoming = calls.into(name);
        List<ModuleCalls.Call> outgoing = calls.outOf(name);
        Set<String> eventsIn = new TreeSet<>();
        events.listeners().stream().filter(listener -> listener.module().equals(name))
                .forEach(listener -> listener.receives().stream()
                        .filter(type -> !events.event(type).module().equals(name)).forEach(eventsIn::add));
        List<String> eventsOut = events.events().stream().filter(event -> event.module().equals(name))
                .map(EventGraph.Event::type).toList();
        Set<String> typesUsed = new TreeSet<>();
        codebase.modules().stream().filter(other -> !other.getIdentifier().toString().equals(name))
                .flatMap(other -> other.getDirectDependencies(codebase.modules()).stream())
                .filter(dependency -> dependency.getTargetModule().getIdentifier().toString().equals(name))
                .map(ApplicationModuleDependency::getTargetType).forEach(type -> typesUsed.add(type.getName()));
        List<SchemaCatalog.CrossSchemaReference> ownCrossings = crossings.stream()
                .filter(reference -> reference.from().startsWith(schema + ".") || reference.to().startsWith(schema + "."))
                .toList();
        Set<String> ownRoles = new TreeSet<>();
        roles.owners().stream().filter(owner -> owner.owner().equals(name))
                .forEach(owner -> ownRoles.addAll(List.of(owner.ownerRole(), owner.appRole())));
        List<String> foreignAccess = grants.stream()
                .filter(grant -> grant.schema().equals(schema) && !ownRoles.contains(grant.role()) && !grant.isEmpty())
                .map(grant -> grant.role() + " may use schema " + schema).toList();

        List<String> ready = new ArrayList<>();
        List<String> blockers = new ArrayList<>();
        for (ModuleCalls.Call call : incoming) {
            if (call.publishedQuery()) {
                ready.add(call.callerModule() + " calls " + call.callee() + " from " + call.caller()
                        + ": a published query, served over HTTP at " + call.httpPath() + " when " + name + " runs elsewhere");
            } else {
                blockers.add(incomingBlocker(call, name));
            }
        }
        ownCrossings.forEach(reference -> blockers.add("the " + reference.kind() + " " + reference.from() + " → "
                + reference.to() + " crosses schemas: drop it and reference by id"));
        foreignAccess.forEach(access -> blockers.add(access + ": revoke it"));

        List<String> work = new ArrayList<>();
        work.add("the platform and kernel travel with it as libraries, as with every module");
        outgoing.forEach(call -> work.add("its call " + call.caller() + " → " + call.callee()
                + " becomes a remote call to " + call.calleeModule()
                + (call.publishedQuery() ? ", answered at " + call.httpPath() + " (bulkhead.remote." + call.calleeModule()
                        + ".*: address, timeouts; 503 while it is unavailable)" : " (timeouts, retries, its unavailability)")));
        if (!eventsOut.isEmpty() || !eventsIn.isEmpty()) {
            work.add("its events travel through the shared in-process registry (schema events): externalize "
                    + (eventsOut.isEmpty() ? "" : "the " + eventsOut.size() + " it publishes ")
                    + (eventsIn.isEmpty() ? "" : (eventsOut.isEmpty() ? "" : "and ") + "subscribe to the "
                            + eventsIn.size() + " it listens to ")
                    + "through a broker (Spring Modulith event externalization), keeping an outbox of its own");
        }
        if (!typesUsed.isEmpty()) {
            work.add("other modules compile against " + typesUsed.size()
                    + " of its published types: ship them as a client library or a schema (JSON, OpenAPI)");
        }
        work.add("its schema " + schema + " moves with its migrations (db/" + name + "/) and its roles unchanged");
        return new ExtractionReadiness(name, incoming, outgoing, List.copyOf(eventsIn), eventsOut, List.copyOf(typesUsed),
                ownCrossings, foreignAccess, ready, blockers, work);
    }

    /** An in-process call the platform cannot carry over HTTP: the caller must change first. */
    static String incomingBlocker(ModuleCalls.Call call, String module) {
        return call.callerModule() + " calls " + call.callee() + " in-process from " + call.caller()
                + ", which is no published query: publish it (@PublishedQuery on a read-only API) or let "
                + call.callerModule() + " keep its own copy fed by " + module + "'s events before extracting";
    }
}
