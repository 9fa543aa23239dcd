package dev.bulkhead.docs;

import java.util.List;
import java.util.Optional;

/**
 * What the documentation says about one module: its names, the schema it owns (none for the shared
 * modules kernel and platform), what it owns in its own words and the types it publishes.
 */
record DocumentedModule(String name, String displayName, String basePackage, Optional<String> schema,
        String description, List<String> publishedTypes) {

    /** A module owning no schema is shared code (kernel, platform) rather than a candidate service. */
    boolean isBusinessModule() {
        return schema.isPresent();
    }

    String page() {
        return "module-" + name + ".html";
    }
}
