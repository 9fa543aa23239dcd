package dev.bulkhead.bench;

/** The captured order as a readable SQL file: one block per transaction, parameters as comments. */
final class StatementListing {

    private StatementListing() {
    }

    static String of(CapturedOrder order) {
        StringBuilder text = new StringBuilder("-- The SQL one order cost Bulkhead, as PostgreSQL logged it (bench/run).\n-- ")
                .append(order.transactions().size()).append(" transactions, ").append(order.statementCount()).append(" statements.\n");
        int number = 0;
        for (CapturedOrder.Transaction transaction : order.transactions()) {
            text.append("\n-- transaction ").append(++number).append(", session: ").append(transaction.sessionSetup().isBlank()
                    ? "(set-up not logged)" : transaction.sessionSetup().split(";")[0]).append('\n');
            text.append(transaction.readOnly() ? "BEGIN READ ONLY;\n" : "BEGIN;\n");
            for (CapturedOrder.Statement statement : transaction.statements()) {
                text.append(statement.sql().trim()).append(";\n");
                if (!statement.parameters().isEmpty()) {
                    text.append("--   parameters: ").append(String.join(" | ", statement.parameters().stream()
                            .map(p -> p == null ? "NULL" : p.length() > 80 ? p.substring(0, 77) + "..." : p).toList())).append('\n');
                }
            }
            text.append(transaction.rolledBack() ? "ROLLBACK;\n" : "COMMIT;\n");
        }
        return text.toString();
    }
}
