package dev.bulkhead.platform.events;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.transaction.event.TransactionalApplicationListenerMethodAdapter;

/** The id Spring Modulith stores with a listener's publications: computed by the same adapter Modulith uses. */
final class ListenerIds {

    private static final Map<Method, String> IDS = new ConcurrentHashMap<>();

    private ListenerIds() {
    }

    static String of(Method listener) {
        return IDS.computeIfAbsent(listener,
                m -> new TransactionalApplicationListenerMethodAdapter("listener-id", m.getDeclaringClass(), m).getListenerId());
    }
}
