package dev.bulkhead.platform.startup;

import dev.bulkhead.platform.database.ModuleLoginException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A module's database login missing, refused or unsafe: one explanation naming the module and the
 * variable to set. Registered in {@code META-INF/spring.factories}.
 */
public class ModuleLoginFailureAnalyzer extends AbstractFailureAnalyzer<ModuleLoginException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, ModuleLoginException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.action(), cause);
    }
}
