package dev.bulkhead.platform.web;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The request size limit ({@link RequestSizeLimit}). Its property stays under {@code bulkhead.security}, where it
 * has always been (ADR 0008 counts the limit among the security measures), next to the token settings of
 * {@code dev.bulkhead.platform.security.SecurityProperties}; each property is bound by one record only.
 *
 * @param maxRequestBytes the largest request body accepted, in bytes, whether its length is announced or counted as
 *        it is read (chunked); a larger one gets 413
 */
@ConfigurationProperties("bulkhead.security")
@Validated
record RequestSizeProperties(@DefaultValue("65536") @Min(1) long maxRequestBytes) {
}
