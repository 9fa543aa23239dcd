package dev.bulkhead.billing.internal;

import jakarta.validation.constraints.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The billing module's settings; each default is here and nowhere else.
 *
 * @param currency the currency new accounts are kept in: an ISO 4217 code such as {@code EUR}
 */
@ConfigurationProperties("bulkhead.billing")
@Validated
record BillingProperties(@DefaultValue("EUR") @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
}
