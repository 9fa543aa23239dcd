package dev.bulkhead.order.internal;

import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderView;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

@Embeddable
class OrderLine {

    @Column(nullable = false)
    private String sku;

    @Column(nullable = false)
    private int quantity;

    @Column(name = "unit_price_minor", nullable = false)
    private long unitPriceMinor;

    protected OrderLine() {
    }

    OrderLine(String sku, int quantity, long unitPriceMinor) {
        this.sku = sku;
        this.quantity = quantity;
        this.unitPriceMinor = unitPriceMinor;
    }

    Money total(String currency) {
        return Money.of(unitPriceMinor, currency).times(quantity);
    }

    OrderView.Line toView(String currency) {
        return new OrderView.Line(sku, quantity, Money.of(unitPriceMinor, currency));
    }
}
