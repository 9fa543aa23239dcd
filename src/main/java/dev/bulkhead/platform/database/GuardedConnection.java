package dev.bulkhead.platform.database;

import dev.bulkhead.platform.StatementCount;
import dev.bulkhead.platform.modules.DeclaredModules;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A module's connection as the application sees it. Returning it frees a place in the module's
 * budget; a statement PostgreSQL refuses with {@code permission denied} is logged and rethrown
 * naming the module, the schema and the code that sent it; a statement cancelled by the module's
 * {@code statement_timeout} is counted; a broken connection is rethrown as a {@link DatabaseUnavailableException}
 * naming the module.
 */
final class GuardedConnection implements InvocationHandler {

    private static final Logger log = LoggerFactory.getLogger(GuardedConnection.class);
    private static final String PERMISSION_DENIED = "42501";
    private static final String QUERY_CANCELED = "57014";
    private static final Pattern DENIED_SCHEMA = Pattern.compile("permission denied for schema (\\S+)");
    private static final Pattern DENIED_OBJECT = Pattern.compile(
            "(permission denied (?:for|to set) (?:table|relation|sequence|view|role)|row-level security policy for table) \"?([^\"\\s]+)");

    private final Connection target;
    private final ModulePool pool;
    private final AtomicBoolean returned = new AtomicBoolean();

    private GuardedConnection(Connection target, ModulePool pool) {
        this.target = target;
        this.pool = pool;
    }

    static Connection wrap(Connection target, ModulePool pool) {
        return (Connection) Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(),
                new Class<?>[] { Connection.class }, new GuardedConnection(target, pool));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        if (method.getName().equals("close")) {
            try {
                return method.invoke(target, args);
            } finally {
                if (returned.compareAndSet(false, true)) {
                    pool.returned();
                }
            }
        }
        Object result = call(target, method, args);
        if (result instanceof Statement statement) {
            pool.statementPrepared();
            StatementCount.increment();
            return guard(statement, (Connection) proxy);
        }
        return result;
    }

    private Object guard(Statement statement, Connection owner) {
        Class<?> type = statement instanceof CallableStatement ? CallableStatement.class
                : statement instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return Proxy.newProxyInstance(GuardedConnection.class.getClassLoader(), new Class<?>[] { type },
                (proxy, method, args) -> method.getName().equals("getConnection") ? owner : call(statement, method, args));
    }

    private Object call(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof SQLException sql) {
                throw translate(sql);
            }
            throw cause;
        }
    }

    private SQLException translate(SQLException sql) {
        if (sql instanceof DatabaseUnavailableException) {
            return sql;
        }
        if (DatabaseFailures.connectionLost(sql) || closedUnderneath()) {
            // the module's name travels with the failure, so that the client's 503 can say which module lost it
            return new DatabaseUnavailableException(pool.owner(), sql);
        }
        if (QUERY_CANCELED.equals(sql.getSQLState())) {
            pool.statementTimedOut();
            return sql;
        }
        if (!PERMISSION_DENIED.equals(sql.getSQLState()) || sql instanceof ModuleAccessDeniedException) {
            return sql;
        }
        pool.accessDenied();
        ModuleAccessDeniedException denied = deniedException(sql);
        log.error("Boundary violation: {}", denied.getMessage());
        return denied;
    }

    /**
     * Whether the pool's connection is closed although the application did not close it: the pool closed it because
     * it broke, and every later call on it (the rollback, for one) fails with an error that carries no SQL state.
     */
    private boolean closedUnderneath() {
        try {
            return !returned.get() && target.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    private ModuleAccessDeniedException deniedException(SQLException sql) {
        String message = String.valueOf(sql.getMessage());
        Matcher schema = DENIED_SCHEMA.matcher(message);
        if (schema.find()) {
            return new ModuleAccessDeniedException(pool.owner(), pool.roles().appRole(), schema.group(1), origin(), sql);
        }
        Matcher object = DENIED_OBJECT.matcher(message);
        String target = object.find() ? object.group(1).replace("permission denied for ", "").replace("permission denied to set ", "")
                .replace("row-level security policy for ", "rows of ") + " " + object.group(2) : "something outside its own schema";
        return new ModuleAccessDeniedException(pool.owner(), pool.roles().appRole(), null, target, origin(), sql);
    }

    /** The innermost application frame outside the platform: the code that sent the statement. */
    private static String origin() {
        return StackWalker.getInstance().walk(frames -> frames
                .filter(frame -> DeclaredModules.application().moduleOf(frame.getClassName()).isPresent()
                        && !frame.getClassName().contains("$Proxy") && !frame.getClassName().contains("$$"))
                .findFirst()
                .map(frame -> frame.getClassName() + "." + frame.getMethodName()
                        + "(" + frame.getFileName() + ":" + frame.getLineNumber() + ")")
                .orElse("code outside the modules"));
    }
}
