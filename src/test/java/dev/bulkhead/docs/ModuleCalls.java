package dev.bulkhead.docs;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import dev.bulkhead.platform.PublishedQuery;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.SpringBean;

/**
 * Synchronous calls that cross a module boundary: a method of one module calling a method of a
 * Spring bean of another module, directly or through an interface the bean implements (a facade
 * such as {@code UserApi}). Reading a record's accessor or a value type is not a call between
 * modules: it would stay local after an extraction. Nor is a call into a shared module (platform,
 * kernel): those are libraries that travel with every module. A call to a published query
 * ({@code @PublishedQuery}) is one the platform already serves over HTTP when the callee runs elsewhere.
 */
final class ModuleCalls {

    record Call(String callerModule, String caller, String calleeModule, String callee, boolean publishedQuery) {

        /** Where the platform serves this call when the callee's module runs in another process. */
        String httpPath() {
            return "/internal/published-queries/" + callee.substring(0, callee.indexOf('(')).replace('.', '/');
        }
    }

    private final Codebase codebase;
    private final List<Call> calls;

    ModuleCalls(Codebase codebase) {
        this.codebase = codebase;
        this.calls = codebase.classes().stream().flatMap(type -> type.getMethodCallsFromSelf().stream())
                .map(this::crossing).flatMap(Optional::stream).distinct()
                .sorted(java.util.Comparator.comparing(Call::callerModule).thenComparing(Call::caller).thenComparing(Call::callee))
                .toList();
    }

    List<Call> into(String module) {
        return calls.stream().filter(call -> call.calleeModule().equals(module)).toList();
    }

    List<Call> outOf(String module) {
        return calls.stream().filter(call -> call.callerModule().equals(module)).toList();
    }

    private Optional<Call> crossing(JavaMethodCall call) {
        Optional<String> caller = codebase.moduleOf(call.getOriginOwner());
        Optional<String> callee = codebase.moduleOf(call.getTargetOwner());
        if (caller.isEmpty() || callee.isEmpty() || caller.equals(callee) || isShared(callee.get())
                || !serviceTypesOf(codebase.module(callee.get())).contains(call.getTargetOwner().getName())) {
            return Optional.empty();
        }
        String target = call.getTargetOwner().getSimpleName() + "." + call.getName() + "("
                + String.join(", ", call.getTarget().getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList()) + ")";
        return Optional.of(new Call(caller.get(), EventScanner.describe(call.getOrigin()), callee.get(), target,
                isPublishedQuery(codebase.module(callee.get()), call)));
    }

    private boolean isShared(String module) {
        return codebase.modules().getSharedModules().contains(codebase.module(module));
    }

    /** The callee's bean implements the called method with {@code @PublishedQuery}: the HTTP endpoint serves it. */
    private static boolean isPublishedQuery(ApplicationModule module, JavaMethodCall call) {
        List<String> parameters = call.getTarget().getRawParameterTypes().stream().map(JavaClass::getName).toList();
        return module.getSpringBeans().stream().map(SpringBean::getType)
                .filter(bean -> bean.isAssignableTo(call.getTargetOwner().getName()))
                .flatMap(bean -> bean.getMethods().stream())
                .anyMatch(method -> method.getName().equals(call.getName())
                        && method.getRawParameterTypes().stream().map(JavaClass::getName).toList().equals(parameters)
                        && method.isAnnotatedWith(PublishedQuery.class));
    }

    /** The module's beans and the interfaces of the module they implement: what another module can call. */
    private static Set<String> serviceTypesOf(ApplicationModule module) {
        Set<String> types = new TreeSet<>();
        for (SpringBean bean : module.getSpringBeans()) {
            types.add(bean.getFullyQualifiedTypeName());
            bean.getInterfacesWithinModule().forEach(type -> types.add(type.getName()));
        }
        return types;
    }
}
