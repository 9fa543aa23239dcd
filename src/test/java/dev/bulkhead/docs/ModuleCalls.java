package dev.bulkhead.docs;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethodCall;
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
 * modules: it would stay local after an extraction.
 */
final class ModuleCalls {

    record Call(String callerModule, String caller, String calleeModule, String callee) {
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
        if (caller.isEmpty() || callee.isEmpty() || caller.equals(callee)
                || !serviceTypesOf(codebase.module(callee.get())).contains(call.getTargetOwner().getName())) {
            return Optional.empty();
        }
        String target = call.getTargetOwner().getSimpleName() + "." + call.getName() + "("
                + String.join(", ", call.getTarget().getRawParameterTypes().stream().map(JavaClass::getSimpleName).toList()) + ")";
        return Optional.of(new Call(caller.get(), EventScanner.describe(call.getOrigin()), callee.get(), target));
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
