package dev.bulkhead.platform.database;

/**
 * An administrator connection (superuser, or CREATEROLE with the right to create schemas) used
 * only at start-up to provision roles and run migrations. Configured with
 * {@code bulkhead.database.admin.*}, or given as a bean (the tests and local runs do).
 */
public record AdminConnection(String url, String username, String password) {

    @Override
    public String toString() {
        return "AdminConnection[url=" + url + ", username=" + username + "]";
    }
}
