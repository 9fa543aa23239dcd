package dev.bulkhead.platform.messaging;

import dev.bulkhead.kernel.IntegrationEvent;
import dev.bulkhead.platform.modules.ActiveModules;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Every event that may cross the broker, by the name it travels under: the simple name of each
 * {@link IntegrationEvent} record in a module's API package. The name is the
 * routing key and the message's type header; an inbound message may only become one of these types,
 * never a class named by the sender.
 */
final class EventCatalog {

    private final Map<String, Class<?>> typesByName = new TreeMap<>();

    private EventCatalog() {
    }

    static EventCatalog scan() {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(IntegrationEvent.class));
        EventCatalog catalog = new EventCatalog();
        for (BeanDefinition candidate : scanner.findCandidateComponents(DeclaredModules.applicationPackage())) {
            Class<?> type = ClassUtils.resolveClassName(candidate.getBeanClassName(), ClassUtils.getDefaultClassLoader());
            if (isInApiPackage(type)) {
                Class<?> clash = catalog.typesByName.put(type.getSimpleName(), type);
                if (clash != null) {
                    throw new IllegalStateException("Two events travel under the name " + type.getSimpleName() + ": "
                            + clash.getName() + " and " + type.getName() + "; rename one");
                }
            }
        }
        return catalog;
    }

    Optional<Class<?>> typeNamed(String name) {
        return Optional.ofNullable(name).map(typesByName::get);
    }

    boolean contains(Class<?> type) {
        return typesByName.get(type.getSimpleName()) == type;
    }

    static String nameOf(Class<?> type) {
        return type.getSimpleName();
    }

    /** The names of the events published by modules this process does not host: what it must receive. */
    Collection<String> namesPublishedElsewhere(ActiveModules modules) {
        return typesByName.entrySet().stream()
                .filter(entry -> !modules.hostsClass(entry.getValue().getName()))
                .map(Map.Entry::getKey)
                .toList();
    }

    /** Events live in their publisher's API package (its base package, rule R7.event). */
    private static boolean isInApiPackage(Class<?> type) {
        return DeclaredModules.application().moduleOf(type.getName())
                .map(module -> module.isApiPackage(type.getPackageName()))
                .orElse(false);
    }
}
