package modulith.boundaries;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The rules that encode a way of working rather than a module boundary, each of which a codebase may switch off or
 * tune: published APIs that only read ({@code R7.read-only-api}), listeners that live in the module whose state they
 * change ({@code R7.listener}) and the shape of event types ({@code R7.event}). The boundary rules (R1–R6, R9) are not
 * here: they cannot be switched off, only their violations accepted one by one in the baseline, each with a reason.
 *
 * @param readOnlyApi       published facades offer queries only; what counts as a change is tunable
 * @param listenerPlacement a listener lives in the module whose state it changes
 * @param eventShape        events live in the publisher's published API, are immutable, and only their owner publishes them
 */
public record Policies(ReadOnlyApi readOnlyApi, ListenerPlacement listenerPlacement, EventShape eventShape) {

    public static final String READ_ONLY_API = "R7.read-only-api";
    public static final String LISTENER_PLACEMENT = "R7.listener";
    public static final String EVENT_SHAPE = "R7.event";

    /** Every verb that starts the name of a method changing state, unless a codebase tunes the list. */
    public static final Set<String> VERBS_OF_CHANGE = Set.of("add", "apply", "approve", "archive", "assign", "book",
            "cancel", "change", "charge", "clear", "close", "complete", "confirm", "create", "deactivate", "activate",
            "decrement", "delete", "deposit", "disable", "enable", "grant", "increment", "insert", "mark", "merge",
            "modify", "move", "open", "patch", "pay", "persist", "place", "post", "publish", "put", "record", "refund",
            "register", "reject", "remove", "rename", "reserve", "reset", "revoke", "save", "set", "settle", "store",
            "submit", "top", "transfer", "update", "upsert", "withdraw", "write");

    public Policies {
        Objects.requireNonNull(readOnlyApi);
        Objects.requireNonNull(listenerPlacement);
        Objects.requireNonNull(eventShape);
    }

    /** Every policy on, as Bulkhead holds them. */
    public static Policies defaults() {
        return new Policies(new ReadOnlyApi(true, VERBS_OF_CHANGE, true), new ListenerPlacement(true),
                new EventShape(true, true, true, true));
    }

    /** The ids of the rules that are policies. */
    public static List<String> ids() {
        return List.of(READ_ONLY_API, LISTENER_PLACEMENT, EVENT_SHAPE);
    }

    /** Whether the rule of this id runs: every boundary rule always, a policy when it is on. */
    public boolean isOn(String ruleId) {
        return switch (ruleId) {
            case READ_ONLY_API -> readOnlyApi.enabled();
            case LISTENER_PLACEMENT -> listenerPlacement.enabled();
            case EVENT_SHAPE -> eventShape.enabled();
            default -> true;
        };
    }

    /** The same policies with the one of this id off; a boundary rule's id is refused. */
    public Policies switchedOff(String ruleId) {
        return switch (ruleId) {
            case READ_ONLY_API -> withReadOnlyApi(readOnlyApi.off());
            case LISTENER_PLACEMENT -> withListenerPlacement(new ListenerPlacement(false));
            case EVENT_SHAPE -> withEventShape(eventShape.off());
            default -> throw new IllegalArgumentException(RuleCatalog.byId(ruleId)
                    .map(rule -> ruleId + " is a boundary rule (\"" + rule.sentence() + "\"): it cannot be switched off. "
                            + "Accept a violation you must keep by adding its key to the baseline with the reason")
                    .orElse("no rule " + ruleId + "; the policies that can be switched off are " + ids()));
        };
    }

    public Policies withReadOnlyApi(ReadOnlyApi policy) {
        return new Policies(policy, listenerPlacement, eventShape);
    }

    public Policies withListenerPlacement(ListenerPlacement policy) {
        return new Policies(readOnlyApi, policy, eventShape);
    }

    public Policies withEventShape(EventShape policy) {
        return new Policies(readOnlyApi, listenerPlacement, policy);
    }

    /**
     * R7.read-only-api: a module's published facades offer other modules queries only.
     *
     * @param verbsOfChange              a method whose name starts with one of these changes state (also for R7.listener)
     * @param writingTransactionsCount   whether a method running in a writing {@code @Transactional} counts as a change too
     */
    public record ReadOnlyApi(boolean enabled, Set<String> verbsOfChange, boolean writingTransactionsCount) {

        public ReadOnlyApi {
            verbsOfChange = Set.copyOf(verbsOfChange);
        }

        public ReadOnlyApi off() {
            return new ReadOnlyApi(false, verbsOfChange, writingTransactionsCount);
        }

        /** Adds verbs of the codebase's own language ({@code "enrol"}, {@code "dispatch"}). */
        public ReadOnlyApi withVerbsOfChange(String... verbs) {
            Set<String> all = new LinkedHashSet<>(verbsOfChange);
            all.addAll(List.of(verbs));
            return new ReadOnlyApi(enabled, all, writingTransactionsCount);
        }

        /** Removes verbs that name queries in the codebase's language ({@code "record"} as a noun). */
        public ReadOnlyApi withoutVerbsOfChange(String... verbs) {
            Set<String> all = new LinkedHashSet<>(verbsOfChange);
            List.of(verbs).forEach(all::remove);
            return new ReadOnlyApi(enabled, all, writingTransactionsCount);
        }

        /** Whether a writing transaction alone makes a method a change (by default it does). */
        public ReadOnlyApi withWritingTransactionsCounting(boolean count) {
            return new ReadOnlyApi(enabled, verbsOfChange, count);
        }
    }

    /** R7.listener: a listener lives in the module whose state it changes. */
    public record ListenerPlacement(boolean enabled) {
    }

    /**
     * R7.event: the shape of event types.
     *
     * @param immutable            events are records or have only final fields
     * @param inPublishedPackage   events live in the publishing module's published API
     * @param publishedByOwnerOnly only the module owning an event type publishes it
     */
    public record EventShape(boolean enabled, boolean immutable, boolean inPublishedPackage, boolean publishedByOwnerOnly) {

        public EventShape off() {
            return new EventShape(false, immutable, inPublishedPackage, publishedByOwnerOnly);
        }

        public EventShape allowingMutableEvents() {
            return new EventShape(enabled, false, inPublishedPackage, publishedByOwnerOnly);
        }

        public EventShape allowingEventsOutsideThePublishedApi() {
            return new EventShape(enabled, immutable, false, publishedByOwnerOnly);
        }

        public EventShape allowingOtherModulesToPublish() {
            return new EventShape(enabled, immutable, inPublishedPackage, false);
        }
    }
}
