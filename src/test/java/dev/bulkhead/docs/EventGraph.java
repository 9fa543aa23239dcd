package dev.bulkhead.docs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who publishes which event and who listens to it, as found in the code by {@link EventScanner},
 * and the sagas that follow from it: a saga starts with an event nobody publishes in reaction to
 * another event, and takes in every event its listeners publish, transitively.
 */
record EventGraph(List<Event> events, List<Listener> listeners) {

    /** A published event type: a jMolecules domain event. */
    record Event(String type, String module, List<String> fields, List<String> publishedBy) {

        String simpleName() {
            return type.substring(type.lastIndexOf('.') + 1);
        }
    }

    /**
     * One listener method.
     *
     * @param parameterType the type it declares, which may be an interface such as billing's ChargeRequest
     * @param receives the event types delivered to it: every event assignable to its parameter
     * @param publishes the events it publishes, itself or through methods of its module it calls
     */
    record Listener(String module, String method, String parameterType, String delivery, List<String> receives,
            List<String> publishes) {
    }

    /**
     * A chain of events started by {@code trigger}: the modules taking part in the order reached, and
     * each hop as {@code Event: publishing module → listening module}.
     */
    record Saga(String trigger, List<String> events, List<String> modules, List<String> hops) {

        String name() {
            return trigger.substring(trigger.lastIndexOf('.') + 1) + " saga";
        }
    }

    List<Listener> listenersOf(String eventType) {
        return listeners.stream().filter(listener -> listener.receives().contains(eventType)).toList();
    }

    Event event(String type) {
        return events.stream().filter(event -> event.type().equals(type)).findFirst().orElseThrow();
    }

    List<Saga> sagas() {
        Set<String> triggered = new TreeSet<>();
        listeners.forEach(listener -> triggered.addAll(listener.publishes()));
        List<Saga> sagas = new ArrayList<>();
        for (Event start : events) {
            if (triggered.contains(start.type()) || followers(start.type()).isEmpty()) {
                continue;
            }
            Set<String> reached = new LinkedHashSet<>();
            Set<String> modules = new LinkedHashSet<>();
            Set<String> hops = new LinkedHashSet<>();
            Deque<String> next = new ArrayDeque<>(List.of(start.type()));
            while (!next.isEmpty()) {
                String type = next.removeFirst();
                if (reached.add(type)) {
                    modules.add(event(type).module());
                    listenersOf(type).forEach(listener -> {
                        modules.add(listener.module());
                        hops.add(event(type).simpleName() + ": " + event(type).module() + " → " + listener.module());
                        next.addAll(listener.publishes());
                    });
                }
            }
            sagas.add(new Saga(start.type(), List.copyOf(reached), List.copyOf(modules), List.copyOf(hops)));
        }
        sagas.sort(Comparator.comparing(Saga::trigger));
        return sagas;
    }

    /** The sagas an event takes part in, by name. */
    List<String> sagasOf(String eventType) {
        return sagas().stream().filter(saga -> saga.events().contains(eventType)).map(Saga::name).toList();
    }

    private Set<String> followers(String eventType) {
        Set<String> followers = new TreeSet<>();
        listenersOf(eventType).forEach(listener -> followers.addAll(listener.publishes()));
        return followers;
    }
}
