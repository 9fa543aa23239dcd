package dev.bulkhead.billing.internal;

import org.springframework.web.bind.annotation.RequestHeader;
import dev.bulkhead.platform.Idempotency;
import dev.bulkhead.billing.BillingSummary;
import dev.bulkhead.kernel.Money;
import dev.bulkhead.platform.RejectedRequest;
import dev.bulkhead.user.UserId;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/v1/billing")
class BillingController {

    /** 10 million major units of a two-decimal currency: far above any real top-up, far below overflow. */
    static final long MAX_TOP_UP_MINOR = 1_000_000_000L;

    private final AccountService accounts;

    BillingController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping("/accounts/{userId}/top-ups")
    ResponseEntity<BillingSummary> topUp(@PathVariable UUID userId, @Valid @RequestBody TopUp request,
            @RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey) {
        if (!Money.isIsoCurrency(request.currency())) {
            throw RejectedRequest.badRequest("currency", "'" + request.currency() + "' is not an ISO 4217 currency code");
        }
        Money amount = Money.of(request.amount(), request.currency());
        BillingSummary summary = idempotencyKey == null ? accounts.topUp(new UserId(userId), amount)
                : accounts.topUpOnce(idempotencyKey, request, new UserId(userId), amount);
        return ResponseEntity.created(URI.create("/v1/billing/summary/" + userId)).body(summary);
    }

    @GetMapping("/summary/{userId}")
    BillingSummary summary(@PathVariable UUID userId) {
        return accounts.findSummary(new UserId(userId))
                .orElseThrow(() -> RejectedRequest.notFound("billing account for user", userId));
    }

    /**
     * @param amount in minor units of {@code currency}
     */
    record TopUp(
            @NotNull @Positive @Max(MAX_TOP_UP_MINOR) Long amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {
    }
}
