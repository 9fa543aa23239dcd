package dev.bulkhead.platform.database;

import dev.bulkhead.platform.modules.DeclaredModules;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Which schema owner the current thread's transaction works for. Set while a transaction begins
 * (when its connection is taken), as a stack, because a module's transaction may suspend another
 * module's (REQUIRES_NEW for a published query). Which module a name belongs to is the module
 * model's answer ({@link DeclaredModules#ownerOf}).
 */
final class CurrentModule {

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
     * The schema owner a class or method name works for: {@code <billing's package>.internal.X.on}
     * works for billing. Names outside the modules (Spring Data, Modulith, tests' templates) and in
     * modules without a schema work for none and get the registry owner's connection, which can
     * touch no module's tables.
     */
    static Optional<String> ownerOf(@Nullable String qualifiedName) {
        return DeclaredModules.application().ownerOf(qualifiedName);
    }

    /** The schema owner of the innermost frame of a module that owns a schema. */
    static Optional<String> ownerFromCallStack() {
        DeclaredModules modules = DeclaredModules.application();
        return StackWalker.getInstance().walk(frames -> frames
                .map(frame -> modules.ownerOf(frame.getClassName()))
                .flatMap(Optional::stream)
                .findFirst());
    }
}
