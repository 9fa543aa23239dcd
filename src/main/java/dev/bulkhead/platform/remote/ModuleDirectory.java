package dev.bulkhead.platform.remote;

import dev.bulkhead.platform.ModuleSchemas;
import dev.bulkhead.platform.modules.ActiveModules;
import java.util.List;
import java.util.Optional;

/**
 * Which modules exist, which this process hosts, and which module a piece of code belongs to: the one
 * place this package asks, so a change of where modules are declared is made here alone.
 */
final class ModuleDirectory {

    private final ActiveModules active;

    ModuleDirectory(ActiveModules active) {
        this.active = active;
    }

    List<String> hosted() {
        return ModuleSchemas.byModule().keySet().stream().filter(active::hosts).toList();
    }

    List<String> hostedElsewhere() {
        return ModuleSchemas.byModule().keySet().stream().filter(module -> !active.hosts(module)).toList();
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
