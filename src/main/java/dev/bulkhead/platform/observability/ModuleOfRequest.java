package dev.bulkhead.platform.observability;

import dev.bulkhead.platform.modules.DeclaredModules;
import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerExecutionChain;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The module whose controller answers a request: a business module's name, {@value #PLATFORM} for the platform's
 * own endpoints (admin, tokens, published queries), {@value #NONE} for the rest (actuator, errors). A request
 * refused before its controller ran (busy, unauthenticated) still counts for the module it was meant for: its
 * handler is looked up again.
 */
final class ModuleOfRequest {

    static final String PLATFORM = "platform";
    static final String NONE = "none";

    private final ObjectProvider<RequestMappingHandlerMapping> mappings;

    ModuleOfRequest(ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    String of(HttpServletRequest request) {
        Object handler = request.getAttribute(HandlerMapping.BEST_MATCHING_HANDLER_ATTRIBUTE);
        if (handler == null) {
            handler = lookUp(request);
        }
        if (handler instanceof HandlerMethod method) {
            return of(method.getBeanType());
        }
        return NONE;
    }

    static String of(Class<?> handlerType) {
        return DeclaredModules.application().moduleOf(handlerType.getName()).map(DeclaredModules.DeclaredModule::name)
                .orElse(handlerType.getName().startsWith(DeclaredModules.applicationPackage() + ".") ? PLATFORM : NONE);
    }

    private @Nullable Object lookUp(HttpServletRequest request) {
        RequestMappingHandlerMapping controllers = mappings.getIfAvailable();
        if (controllers == null) {
            return null;
        }
        try {
            HandlerExecutionChain chain = controllers.getHandler(request);
            return chain == null ? null : chain.getHandler();
        } catch (Exception noHandler) {
            return null;
        }
    }
}
