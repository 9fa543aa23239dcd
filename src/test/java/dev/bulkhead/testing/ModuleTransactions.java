package dev.bulkhead.testing;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Runs work in a transaction that belongs to a module, as that module's own code would: Spring
 * names a transaction after its method, and Bulkhead picks the module's connection and role from
 * that name.
 */
public final class ModuleTransactions {

    private final PlatformTransactionManager transactions;
    private final JdbcTemplate jdbc;

    public ModuleTransactions(PlatformTransactionManager transactions, JdbcTemplate jdbc) {
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    public TransactionTemplate of(String module) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setName("dev.bulkhead." + module + ".internal.TestWork.run");
        return template;
    }

    /** One statement on the module's connection, such as a deliberately slow {@code select pg_sleep(2)}. */
    public void execute(String module, String sql) {
        of(module).executeWithoutResult(status -> jdbc.execute(sql));
    }
}
