package dev.bulkhead.kernel;

import java.util.Currency;
import java.util.Objects;
import org.jmolecules.ddd.annotation.ValueObject;

/**
 * An amount of money in integer minor units (cents for EUR, yen for JPY) plus its ISO 4217
 * currency. Never a floating-point number; arithmetic fails on overflow instead of wrapping.
 */
@ValueObject
public record Money(long minorUnits, String currency) {

    public Money {
        Objects.requireNonNull(currency, "currency");
        if (!isIsoCurrency(currency)) {
            throw new IllegalArgumentException("not an ISO 4217 currency code: " + currency);
        }
    }

    public static Money of(long minorUnits, String currency) {
        return new Money(minorUnits, currency);
    }

    public static Money zero(String currency) {
        return new Money(0, currency);
    }

    /** Whether {@code code} is an upper-case ISO 4217 code the JDK knows, such as {@code EUR}. */
    public static boolean isIsoCurrency(String code) {
        if (code == null || code.length() != 3) {
            return false;
        }
        // by hand, not String.matches: that compiles its pattern on every call, and every Money checks its currency
        for (int i = 0; i < 3; i++) {
            char letter = code.charAt(i);
            if (letter < 'A' || letter > 'Z') {
                return false;
            }
        }
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException unknown) {
            return false;
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minorUnits, other.minorUnits), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minorUnits, other.minorUnits), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minorUnits, factor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minorUnits), currency);
    }

    public boolean isLessThan(Money other) {
        requireSameCurrency(other);
        return minorUnits < other.minorUnits;
    }

    public boolean hasCurrency(String code) {
        return currency.equals(code);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("cannot combine " + currency + " with " + other.currency);
        }
    }
}
