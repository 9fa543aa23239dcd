package dev.bulkhead.order.internal;

import org.springframework.web.bind.annotation.RequestHeader;
import dev.bulkhead.platform.Idempotency;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.order.OrderApi;
import dev.bulkhead.order.OrderId;
import dev.bulkhead.order.OrderView;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/orders")
class OrderController {

    static final int MAX_LINES = 100;
    static final int MAX_QUANTITY = 10_000;
    /** 1 million major units of a two-decimal currency per unit; with the limits above no total can overflow. */
    static final long MAX_UNIT_PRICE_MINOR = 100_000_000L;

    private final OrderService orders;
    private final OrderListing listing;

    OrderController(OrderService orders, OrderListing listing) {
        this.orders = orders;
        this.listing = listing;
    }

    @PostMapping
    ResponseEntity<OrderView> place(@Valid @RequestBody PlaceOrder request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
        if (!Money.isIsoCurrency(request.currency())) {
            throw RejectedRequest.badRequest("currency", "'" + request.currency() + "' is not an ISO 4217 currency code");
        }
        List<OrderLine> lines = request.lines().stream()
                .map(line -> new OrderLine(line.sku(), line.quantity(), line.unitPrice()))
                .toList();
        UserId customer = new UserId(request.userId());
        OrderView order = idempotencyKey == null ? orders.place(customer, request.currency(), lines)
                : orders.placeOnce(idempotencyKey, request, customer, request.currency(), lines);
        return ResponseEntity.created(URI.create("/v1/orders/" + order.id())).body(order);
    }

    /** Cancels a paid order; billing refunds it and the order ends REFUNDED. 409 for an order that is not paid. */
    @PostMapping("/{id}/cancel")
    OrderView cancel(@PathVariable UUID id) {
        return orders.cancel(new OrderId(id));
    }

    @GetMapping("/{id}")
    OrderView get(@PathVariable UUID id) {
        return orders.findById(new OrderId(id)).orElseThrow(() -> RejectedRequest.notFound("order", id));
    }

    /** Orders newest first with their customers' names; one user's with {@code userId}, everyone's without. */
    @GetMapping
    List<OrderListing.ListedOrder> list(@RequestParam(required = false) UUID userId,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(OrderApi.MAX_PAGE_SIZE) int size) {
        return listing.page(Optional.ofNullable(userId).map(UserId::new), page, size);
    }

    record PlaceOrder(
            @NotNull UUID userId,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
            @NotEmpty @Size(max = MAX_LINES) List<@NotNull @Valid Line> lines) {
    }

    /** @param unitPrice in minor units of the order's currency */
    record Line(
            @NotBlank @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9._-]*", message = "may hold letters, digits, '.', '_' and '-' only") String sku,
            @NotNull @Min(1) @Max(MAX_QUANTITY) Integer quantity,
            @NotNull @Positive @Max(MAX_UNIT_PRICE_MINOR) Long unitPrice) {
    }
}
