package dev.bulkhead.platform.database;

import dev.bulkhead.platform.ModuleSchemas;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * Which schema owner the current thread's transaction works for. Set while a transaction begins
 * (when its connection is taken), as a stack, because a module's transaction may suspend another
 * module's (REQUIRES_NEW for a published query).
 */
final class CurrentModule {

    private static final String BASE_PACKAGE = ModuleSchemas.BASE_PACKAGE + ".";
    private static final String PLATFORM_PACKAGE = ModuleSchemas.class.getPackageName() + ".";
    private static final ThreadLocal<Deque<String>> OWNERS = ThreadLocal.withInitial(ArrayDeque::new);

    private CurrentModule() {
    }

    static Optional<String> get() {
        return Optional.ofNullable(OWNERS.get().peek());
    }

    static void push(String owner) {
        OWNERS.get().push(owner);
    }

    static void pop() {
        Deque<String> owners = OWNERS.get();
        owners.poll();
        if (owners.isEmpty()) {
            OWNERS.remove();
        }
    }

    /**
     * The module a class or method name belongs to: {@code dev.bulkhead.billing.internal.X.on}
     * belongs to billing. Names outside the modules (Spring Data, Modulith, tests' templates)
     * belong to none and get the registry owner's connection, which can touch no module's tables.
     */
    static Optional<String> ownerOf(String qualifiedName) {
        if (qualifiedName == null || !qualifiedName.startsWith(BASE_PACKAGE)) {
            return Optional.empty();
        }
        String rest = qualifiedName.substring(BASE_PACKAGE.length());
        int dot = rest.indexOf('.');
        String module = dot < 0 ? rest : rest.substring(0, dot);
        return ModuleSchemas.schemaOf(module).map(schema -> module);
    }

    /** The module of the innermost application frame on the stack, platform frames aside. */
    static Optional<String> ownerFromCallStack() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(StackWalker.StackFrame::getClassName)
                .filter(name -> name.startsWith(BASE_PACKAGE) && !name.startsWith(PLATFORM_PACKAGE))
                .map(CurrentModule::ownerOf)
                .flatMap(Optional::stream)
                .findFirst());
    }
}
