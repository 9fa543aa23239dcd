package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.PublishedQuery;
import dev.bulkhead.platform.modules.ActiveModules;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;

/**
 * Finds the published query APIs of the modules: the interfaces in a module's API package that one of
 * its components implements with {@link PublishedQuery} methods. Read from the classes, so a module that
 * publishes a new API needs no registration.
 */
final class PublishedApis {

    private PublishedApis() {
    }

    /** The published API interfaces of {@code module}. */
    static List<Class<?>> of(String module) {
        var scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
        Set<Class<?>> apis = new LinkedHashSet<>();
        String apiPackage = DeclaredModules.application().named(module).orElseThrow().basePackage();
        for (BeanDefinition candidate : scanner.findCandidateComponents(apiPackage)) {
            Class<?> implementation = ClassUtils.resolveClassName(candidate.getBeanClassName(), ClassUtils.getDefaultClassLoader());
            for (Class<?> api : ClassUtils.getAllInterfacesForClassAsSet(implementation)) {
                if (api.getPackageName().equals(apiPackage) && implementsWithPublishedQueries(implementation, api)) {
                    apis.add(api);
                }
            }
        }
        return new ArrayList<>(apis);
    }

    /** The published APIs of the modules hosted here, for the endpoint that serves them. */
    static List<Class<?>> hostedBy(ActiveModules modules) {
        List<Class<?>> apis = new ArrayList<>();
        for (String module : new ModuleDirectory(modules).hosted()) {
            apis.addAll(of(module));
        }
        return apis;
    }

    private static boolean implementsWithPublishedQueries(Class<?> implementation, Class<?> api) {
        for (Method method : api.getMethods()) {
            Method implemented = ClassUtils.getMostSpecificMethod(method, implementation);
            if (!AnnotatedElementUtils.hasAnnotation(implemented, PublishedQuery.class)) {
                return false;
            }
        }
        return api.getMethods().length > 0;
    }
}
