package dev.bulkhead.platform.remote;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.util.Optional;
import org.hibernate.validator.constraints.time.DurationMax;
import org.hibernate.validator.constraints.time.DurationMin;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.validation.ValidationBindHandler;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;
import org.springframework.validation.annotation.Validated;
import org.springframework.validation.beanvalidation.SpringValidatorAdapter;

/**
 * How to reach a module hosted in another process: {@code bulkhead.remote.<module>.url},
 * {@code .connect-timeout}, {@code .read-timeout}. A remote call holds its caller's thread, and the
 * request it serves, until it is answered; the timeouts bound that wait, after which the caller gets
 * a 503 ({@link RemoteModuleUnavailable}).
 *
 * <p>Bound and validated the way Boot binds {@code @ConfigurationProperties}, but under a prefix per
 * module: {@code bulkhead.remote.serve-published-queries} sits next to the module names, so the whole of
 * {@code bulkhead.remote} cannot be one map of modules.
 *
 * @param url where the process hosting the module listens, such as {@code http://billing:8080}
 * @param connectTimeout how long to wait for a connection to it
 * @param readTimeout how long to wait for its answer once connected
 */
@Validated
record RemoteModuleProperties(
        @NotBlank @Pattern(regexp = "https?://\\S+", message = "must be an http:// or https:// address") String url,
        @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 1) @DefaultValue("1s") Duration connectTimeout,
        @NotNull @DurationMin(millis = 1) @DurationMax(minutes = 5) @DefaultValue("2s") Duration readTimeout) {

    static final String PREFIX = "bulkhead.remote.";

    /**
     * The settings of {@code module}; empty when no address is configured for it (it then gets no
     * HTTP-backed API, and a hosted module needing one fails start-up naming the API).
     *
     * @throws org.springframework.boot.context.properties.bind.BindException for an invalid value, naming the property
     */
    static Optional<RemoteModuleProperties> of(String module, Environment environment) {
        String prefix = PREFIX + module;
        if (!StringUtils.hasText(environment.getProperty(prefix + ".url"))) {
            return Optional.empty();
        }
        try (ValidatorFactory validation = Validation.buildDefaultValidatorFactory()) {
            ValidationBindHandler validated = new ValidationBindHandler(new SpringValidatorAdapter(validation.getValidator()));
            return Optional.of(Binder.get(environment).bindOrCreate(prefix, Bindable.of(RemoteModuleProperties.class), validated));
        }
    }
}
