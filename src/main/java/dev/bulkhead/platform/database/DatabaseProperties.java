package dev.bulkhead.platform.database;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Bulkhead isolates the modules inside one PostgreSQL database: role names, the optional
 * administrator connection that provisions roles and schemas, and each schema owner's resource
 * budget. Passwords only ever come from configuration (environment, secrets), never from the repo.
 */
@ConfigurationProperties("bulkhead.database")
public class DatabaseProperties {

    /** Prefix of every role Bulkhead creates: {@code <prefix>_<owner>_owner}, {@code <prefix>_<owner>_app}. */
    private String rolePrefix = "bulkhead";

    /**
     * Whether to create roles, schemas and grants at start-up: {@code auto} does it when
     * administrator credentials are configured or the login role may create roles.
     */
    private Provisioning provisioning = Provisioning.AUTO;

    private final Admin admin = new Admin();

    /**
     * The login of each schema owner's pool ({@code events} and every module that owns a schema): its own
     * PostgreSQL role, a member of that owner's app role only. Set
     * {@code BULKHEAD_DATABASE_LOGINS_<OWNER>_PASSWORD}; the username defaults to {@code <prefix>_<owner>_login}.
     */
    private final Map<String, Login> logins = new LinkedHashMap<>();

    /** Budgets by owner ({@code user}, {@code billing}, {@code order}, {@code events}); {@code default} fills gaps. */
    private final Map<String, Budget> budgets = new LinkedHashMap<>();

    public enum Provisioning {
        AUTO, ALWAYS, NEVER
    }

    public String getRolePrefix() {
        return rolePrefix;
    }

    public void setRolePrefix(String rolePrefix) {
        this.rolePrefix = rolePrefix;
    }

    public Provisioning getProvisioning() {
        return provisioning;
    }

    public void setProvisioning(Provisioning provisioning) {
        this.provisioning = provisioning;
    }

    public Admin getAdmin() {
        return admin;
    }

    public Map<String, Login> getLogins() {
        return logins;
    }

    public Map<String, Budget> getBudgets() {
        return budgets;
    }

    /** The budget of {@code owner}: its own settings over the {@code default} entry over the built-in defaults. */
    Budget budgetOf(String owner) {
        Budget merged = new Budget();
        merged.mergeFrom(budgets.get("default"));
        merged.mergeFrom(budgets.get(owner));
        return merged;
    }

    /** One role's login: a schema owner's pool connects as it at run time, the administrator to provision. */
    public static class Login {

        /** The login role's name. */
        private String username;
        /** Its password; from the environment or a secret, never from the repository. */
        private String password;

        public String getUsername() {
            return username;
        }

        public void setUsername(String username) {
            this.username = username;
        }

        public String getPassword() {
            return password;
        }

        public void setPassword(String password) {
            this.password = password;
        }
    }

    /**
     * An administrator (a superuser, or a role with CREATEROLE) used only to provision roles, logins and schemas,
     * and to migrate.
     */
    public static class Admin extends Login {

        /** Defaults to {@code spring.datasource.url}. */
        private String url;

        public String getUrl() {
            return url;
        }

        public void setUrl(String url) {
            this.url = url;
        }
    }

    /**
     * One owner's share of the database. Null fields fall back to the {@code default} budget, then
     * to the built-in values, which keep any one module to a quarter of the 14 connections.
     */
    public static class Budget {

        private Integer maxConnections;
        private Duration statementTimeout;
        private Duration lockTimeout;
        private Duration idleInTransactionTimeout;
        /** How long an HTTP request waits for one of the module's connections before it gets a 503. */
        private Duration requestAcquireTimeout;
        /** How long background work (event listeners, jobs) waits for one. */
        private Duration backgroundAcquireTimeout;

        void mergeFrom(Budget other) {
            if (other == null) {
                return;
            }
            maxConnections = other.maxConnections != null ? other.maxConnections : maxConnections;
            statementTimeout = other.statementTimeout != null ? other.statementTimeout : statementTimeout;
            lockTimeout = other.lockTimeout != null ? other.lockTimeout : lockTimeout;
            idleInTransactionTimeout = other.idleInTransactionTimeout != null ? other.idleInTransactionTimeout : idleInTransactionTimeout;
            requestAcquireTimeout = other.requestAcquireTimeout != null ? other.requestAcquireTimeout : requestAcquireTimeout;
            backgroundAcquireTimeout = other.backgroundAcquireTimeout != null ? other.backgroundAcquireTimeout : backgroundAcquireTimeout;
        }

        public int maxConnections() {
            return maxConnections != null ? maxConnections : 4;
        }

        public Duration statementTimeout() {
            return statementTimeout != null ? statementTimeout : Duration.ofSeconds(5);
        }

        public Duration lockTimeout() {
            return lockTimeout != null ? lockTimeout : Duration.ofSeconds(2);
        }

        public Duration idleInTransactionTimeout() {
            return idleInTransactionTimeout != null ? idleInTransactionTimeout : Duration.ofSeconds(10);
        }

        public Duration requestAcquireTimeout() {
            return requestAcquireTimeout != null ? requestAcquireTimeout : Duration.ofSeconds(1);
        }

        public Duration backgroundAcquireTimeout() {
            return backgroundAcquireTimeout != null ? backgroundAcquireTimeout : Duration.ofSeconds(10);
        }

        public Integer getMaxConnections() {
            return maxConnections;
        }

        public void setMaxConnections(Integer maxConnections) {
            this.maxConnections = maxConnections;
        }

        public Duration getStatementTimeout() {
            return statementTimeout;
        }

        public void setStatementTimeout(Duration statementTimeout) {
            this.statementTimeout = statementTimeout;
        }

        public Duration getLockTimeout() {
            return lockTimeout;
        }

        public void setLockTimeout(Duration lockTimeout) {
            this.lockTimeout = lockTimeout;
        }

        public Duration getIdleInTransactionTimeout() {
            return idleInTransactionTimeout;
        }

        public void setIdleInTransactionTimeout(Duration idleInTransactionTimeout) {
            this.idleInTransactionTimeout = idleInTransactionTimeout;
        }

        public Duration getRequestAcquireTimeout() {
            return requestAcquireTimeout;
        }

        public void setRequestAcquireTimeout(Duration requestAcquireTimeout) {
            this.requestAcquireTimeout = requestAcquireTimeout;
        }

        public Duration getBackgroundAcquireTimeout() {
            return backgroundAcquireTimeout;
        }

        public void setBackgroundAcquireTimeout(Duration backgroundAcquireTimeout) {
            this.backgroundAcquireTimeout = backgroundAcquireTimeout;
        }
    }
}
