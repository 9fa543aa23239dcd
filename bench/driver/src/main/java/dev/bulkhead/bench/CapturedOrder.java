package dev.bulkhead.bench;

import java.util.List;

/**
 * The SQL that one order cost the application, as PostgreSQL logged it: transactions in the order they began,
 * each with the statements its session sent and the session's set-up (the module's {@code SET ROLE ...}).
 */
record CapturedOrder(List<Transaction> transactions) {

    record Statement(String sql, List<String> parameters) {
    }

    /**
     * @param sessionSetup what the pool ran when it opened the connection; empty for sessions opened before the log
     * @param readOnly began with {@code BEGIN READ ONLY} (a read-only Spring transaction)
     */
    record Transaction(String sessionSetup, boolean readOnly, List<Statement> statements, boolean rolledBack) {
    }

    int statementCount() {
        return transactions.stream().mapToInt(t -> t.statements().size()).sum();
    }
}
