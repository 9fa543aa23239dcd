package dev.bulkhead.billing.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param currency the currency new accounts are kept in (ISO 4217)
 */
@ConfigurationProperties("bulkhead.billing")
record BillingProperties(String currency) {

    BillingProperties {
        if (currency == null) {
            currency = "EUR";
        }
    }
}
