package dev.bulkhead.history.internal;

import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Short transactions of this module for its paged jobs' pages and checkpoints. */
@Component
class HistoryTransactions {

    private final TransactionTemplate transaction;

    HistoryTransactions(PlatformTransactionManager transactions) {
        this.transaction = new TransactionTemplate(transactions);
        // the router picks the module's connection from the transaction's name (ADR 0006)
        this.transaction.setName(HistoryTransactions.class.getName() + ".page");
    }

    <T> T inTransaction(Supplier<T> work) {
        return transaction.execute(status -> work.get());
    }
}
