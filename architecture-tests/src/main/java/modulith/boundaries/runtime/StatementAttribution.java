package modulith.boundaries.runtime;

import java.util.Optional;
import modulith.boundaries.ModuleMap;

/**
 * Which module sent a statement: the innermost frame on the call stack that belongs to a module.
 * Code outside all modules (Hibernate's start-up, the event registry, Flyway) sends statements of
 * no module: they are not attributed. A module without a schema of its own (shared plumbing such
 * as the one running Flyway) is a sender too, but owns no schema to confine its SQL to.
 */
final class StatementAttribution {

    /**
     * The module, its schema if it owns one, and the frame that decided it, for the message and for
     * telling the provisioning package from the rest of its module.
     */
    record Sender(String module, Optional<String> schema, StackWalker.StackFrame frame) {

        String where() {
            String simpleClass = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
            int proxySuffix = simpleClass.indexOf("$$");
            String className = proxySuffix < 0 ? simpleClass : simpleClass.substring(0, proxySuffix);
            return (frame.getFileName() == null ? className + ".java" : frame.getFileName()) + ":" + frame.getLineNumber()
                    + " (" + frame.getClassName() + "." + frame.getMethodName() + ")";
        }

        String className() {
            return frame.getClassName();
        }
    }

    private static final StackWalker WALKER = StackWalker.getInstance();
    private static final String OWN_PACKAGE = "modulith.boundaries.";

    private final ModuleMap modules;

    StatementAttribution(ModuleMap modules) {
        this.modules = modules;
    }

    Optional<Sender> sender() {
        Optional<StackWalker.StackFrame> innermost = WALKER.walk(frames -> frames
                .filter(frame -> !frame.getClassName().startsWith(OWN_PACKAGE))
                .filter(frame -> modules.moduleOfClass(frame.getClassName()).isPresent())
                .findFirst());
        return innermost.flatMap(frame -> modules.moduleOfClass(frame.getClassName())
                .map(module -> new Sender(module, modules.schemaOf(module), frame)));
    }
}
