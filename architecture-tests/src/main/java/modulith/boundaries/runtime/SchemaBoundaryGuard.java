package modulith.boundaries.runtime;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import modulith.boundaries.ModuleMap;
import modulith.boundaries.RuleCatalog;
import modulith.boundaries.sql.SchemaCrossings;
import modulith.boundaries.sql.TableReference;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Rule 8 at run time: wraps every {@link DataSource} bean so that each statement sent is
 * attributed to the module that issued it ({@link StatementAttribution}) and parsed (JSqlParser,
 * cached per SQL text); a statement of module X naming another module's schema is refused with a
 * {@link ForeignSchemaStatementException} before it reaches the database. Statements of no
 * module, and those touching shared schemas, pass.
 */
public class SchemaBoundaryGuard implements BeanPostProcessor {

    private static final Set<String> CHECKED_STATEMENT_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private final ModuleMap modules;
    private final StatementAttribution attribution;
    private final SchemaCrossings crossings;
    private final Map<String, List<TableReference>> verdicts = new ConcurrentHashMap<>();
    private final List<String> refused = new ArrayList<>();

    public SchemaBoundaryGuard(String basePackage, Map<String, String> schemaByModule, Set<String> sharedSchemas) {
        this.modules = new ModuleMap(basePackage, schemaByModule, sharedSchemas);
        this.attribution = new StatementAttribution(modules);
        this.crossings = new SchemaCrossings(modules);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        return bean instanceof DataSource dataSource && !Proxy.isProxyClass(bean.getClass()) ? guard(dataSource) : bean;
    }

    /** The data source, with every connection, statement and batch it hands out checked. */
    public DataSource guard(DataSource dataSource) {
        return proxy(dataSource, (proxy, method, arguments) -> {
            Object result = invoke(dataSource, method, arguments);
            return result instanceof Connection connection && method.getName().equals("getConnection") ? guard(connection) : result;
        });
    }

    /** Every message of a refused statement so far, for tests that want to assert none happened. */
    public synchronized List<String> refusedStatements() {
        return List.copyOf(refused);
    }

    private Connection guard(Connection connection) {
        return proxy(connection, (proxy, method, arguments) -> {
            String name = method.getName();
            if ((name.equals("prepareStatement") || name.equals("prepareCall")) && arguments != null
                    && arguments[0] instanceof String sql) {
                check(sql);
            }
            Object result = invoke(connection, method, arguments);
            if (name.equals("createStatement") && result instanceof Statement statement) {
                return guard(statement);
            }
            return result;
        });
    }

    private Statement guard(Statement statement) {
        return proxy(statement, (proxy, method, arguments) -> {
            if (CHECKED_STATEMENT_METHODS.contains(method.getName()) && arguments != null && arguments.length > 0
                    && arguments[0] instanceof String sql) {
                check(sql);
            }
            return invoke(statement, method, arguments);
        });
    }

    private void check(String sql) {
        Optional<StatementAttribution.Sender> sender = attribution.sender();
        if (sender.isEmpty()) {
            return; // Flyway, the event registry, Hibernate's schema validation: no module sent it
        }
        String module = sender.get().module();
        List<TableReference> foreign = verdicts.computeIfAbsent(module + '\u0000' + sql, key -> crossings.of(module, sql).foreign());
        if (foreign.isEmpty()) {
            return;
        }
        StringBuilder message = new StringBuilder();
        for (TableReference table : foreign) {
            String owner = crossings.ownerOf(table);
            message.append(RuleCatalog.RUNTIME_SQL).append(' ').append(sender.get().where()).append(' ')
                    .append(crossings.boundary(module, table)).append(": sent SQL touching ").append(owner).append("'s ")
                    .append(table.display()).append(" (\"").append(abbreviate(sql)).append("\"). Instead: ask ").append(owner)
                    .append(" through its published API, or keep a copy in ").append(module)
                    .append("'s own schema fed by ").append(owner).append("'s events\n");
        }
        synchronized (this) {
            refused.add(message.toString().strip());
        }
        throw new ForeignSchemaStatementException(message.toString().strip());
    }

    private static String abbreviate(String sql) {
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() > 120 ? flat.substring(0, 117) + "…" : flat;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(T target, InvocationHandler handler) {
        Class<?>[] interfaces = ClassUtils.getAllInterfacesForClass(target.getClass(), target.getClass().getClassLoader());
        return (T) Proxy.newProxyInstance(target.getClass().getClassLoader(), interfaces, handler);
    }

    private static Object invoke(Object target, Method method, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
