package modulith.boundaries.runtime;

import java.util.Optional;
import modulith.boundaries.ModuleMap;

/**
 * Which module sent a statement: the innermost frame on the call stack that belongs to a module.
 * A module without a schema of its own (shared plumbing such as the one running Flyway) is not an
 * owner, and neither is code outside all modules (Hibernate's start-up, the event registry): such
 * statements are not attributed.
 */
final class StatementAttribution {

    /** The module and the frame that decided it, for the message. */
    record Sender(String module, StackWalker.StackFrame frame) {

        String where() {
            String simpleClass = frame.getClassName().substring(frame.getClassName().lastIndexOf('.') + 1);
            int proxySuffix = simpleClass.indexOf("$$");
            String className = proxySuffix < 0 ? simpleClass : simpleClass.substring(0, proxySuffix);
            return (frame.getFileName() == null ? className + ".java" : frame.getFileName()) + ":" + frame.getLineNumber()
                    + " (" + frame.getClassName() + "." + frame.getMethodName() + ")";
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
                .filter(module -> modules.schemaOf(module).isPresent())
                .map(module -> new Sender(module, frame)));
    }
}
