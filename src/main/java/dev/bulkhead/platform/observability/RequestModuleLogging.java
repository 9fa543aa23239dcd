package dev.bulkhead.platform.observability;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Names the module of the controller handling a request in the log's MDC, so that the lines a request writes
 * before and after its module's transaction (validation, problems) carry the module too.
 */
final class RequestModuleLogging implements HandlerInterceptor {

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (handler instanceof HandlerMethod method) {
            MDC.put(ModuleSteps.MODULE, ModuleOfRequest.of(method.getBeanType()));
        }
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler,
            @Nullable Exception ex) {
        MDC.remove(ModuleSteps.MODULE);
    }
}
