package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.modules.ActiveModules;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.util.List;
import java.util.Optional;

/**
 * Which business modules this process hosts, which it reaches elsewhere, and which module is calling: the
 * module model's answers ({@link DeclaredModules}) for this package.
 */
final class ModuleDirectory {

    private final ActiveModules active;

    ModuleDirectory(ActiveModules active) {
        this.active = active;
    }

    List<String> hosted() {
        return DeclaredModules.businessModuleNames().stream().filter(active::hosts).toList();
    }

    List<String> hostedElsewhere() {
        return DeclaredModules.businessModuleNames().stream().filter(module -> !active.hosts(module)).toList();
    }

    /**
     * The module whose code is calling: the innermost frame on this thread's stack that belongs to a
     * module (the platform, proxies and Spring's own frames aside). Empty when no module's code is on
     * the stack, such as a platform job.
     */
    static Optional<String> callingModule() {
        return StackWalker.getInstance().walk(frames -> frames
                .map(frame -> ActiveModules.moduleOf(frame.getClassName()))
                .flatMap(Optional::stream)
                .findFirst());
    }
}
