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
import java.util.function.Function;
import javax.sql.DataSource;
import modulith.boundaries.BoundaryConfiguration;
import modulith.boundaries.Codebase;
import modulith.boundaries.ModuleMap;
import modulith.boundaries.PackageSet;
import modulith.boundaries.RuleCatalog;
import modulith.boundaries.rules.DatabaseIdentityRule;
import modulith.boundaries.sql.IdentityStatements;
import modulith.boundaries.sql.SchemaCrossings;
import modulith.boundaries.sql.TableReference;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.util.ClassUtils;

/**
 * Rules 8 and 9 at run time: wraps every {@link DataSource} bean so that each statement sent is
 * attributed to the module that issued it ({@link StatementAttribution}) and judged once per SQL
 * text (the verdict is cached). A statement of module X naming another module's schema is refused
 * with a {@link ForeignSchemaStatementException}, one that switches role or search path or changes
 * privileges ({@link IdentityStatements}, the detector of the static R9) with an
 * {@link IdentityStatementException}, both before it reaches the database. That catches SQL the
 * static rules cannot see, assembled at run time. Statements of no module, those touching shared
 * schemas, and identity statements of the provisioning packages pass.
 */
public class SchemaBoundaryGuard implements BeanPostProcessor {

    private static final Set<String> CHECKED_STATEMENT_METHODS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "addBatch");

    private final ModuleMap modules;
    private final StatementAttribution attribution;
    private final SchemaCrossings crossings;
    private final PackageSet provisioning;
    private final Map<String, Verdict> verdicts = new ConcurrentHashMap<>();
    private final List<String> refused = new ArrayList<>();

    /** What one module's statement does wrong, if anything: identity statements (R9), foreign tables (R8). */
    private record Verdict(List<IdentityStatements.Finding> identity, List<TableReference> foreign) {
    }

    /** A guard under which no code may send identity statements through the guarded data sources. */
    public SchemaBoundaryGuard(String basePackage, Map<String, String> schemaByModule, Set<String> sharedSchemas) {
        this(basePackage, schemaByModule, sharedSchemas, Set.of());
    }

    /**
     * @param provisioningPackages the packages (with sub-packages) whose code provisions the database and so
     *                             may switch roles, set search paths and grant privileges
     */
    public SchemaBoundaryGuard(String basePackage, Map<String, String> schemaByModule, Set<String> sharedSchemas,
            Set<String> provisioningPackages) {
        this(new ModuleMap(basePackage, schemaByModule, sharedSchemas), new PackageSet(provisioningPackages));
    }

    private SchemaBoundaryGuard(ModuleMap modules, PackageSet provisioning) {
        this.modules = modules;
        this.attribution = new StatementAttribution(modules);
        this.crossings = new SchemaCrossings(modules);
        this.provisioning = provisioning;
    }

    /**
     * The guard for the application the static rules check, with the same modules (Spring Modulith's model), schemas
     * (the convention and the configuration) and provisioning packages. Register it as a static {@code @Bean}.
     */
    public static SchemaBoundaryGuard of(BoundaryConfiguration configuration) {
        Codebase codebase = Codebase.of(configuration);
        return new SchemaBoundaryGuard(codebase.modules(), configuration.identityStatementPackages());
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
        Optional<StatementAttribution.Sender> attributed = attribution.sender();
        if (attributed.isEmpty()) {
            return; // Flyway, the event registry, Hibernate's schema validation: no module sent it
        }
        StatementAttribution.Sender sender = attributed.get();
        Verdict verdict = verdicts.computeIfAbsent(sender.module() + '\u0000' + sql, key -> judge(sender, sql));
        if (!verdict.identity().isEmpty() && !provisioning.coversClass(sender.className())) {
            refuse(identityMessage(sender, sql, verdict.identity()), IdentityStatementException::new);
        }
        if (!verdict.foreign().isEmpty()) {
            refuse(foreignSchemaMessage(sender, sql, verdict.foreign()), ForeignSchemaStatementException::new);
        }
    }

    /** Identity statements for every sender; foreign tables only for modules owning a schema to confine them to. */
    private Verdict judge(StatementAttribution.Sender sender, String sql) {
        List<IdentityStatements.Finding> identity = IdentityStatements.in(sql, sender.schema());
        List<TableReference> foreign = sender.schema().isPresent() ? crossings.of(sender.module(), sql).foreign() : List.of();
        return new Verdict(identity, foreign);
    }

    private String identityMessage(StatementAttribution.Sender sender, String sql, List<IdentityStatements.Finding> findings) {
        StringBuilder message = new StringBuilder();
        for (IdentityStatements.Finding finding : findings) {
            message.append(DatabaseIdentityRule.ID).append(' ').append(sender.where()).append(' ').append(sender.module())
                    .append(" → database identity: sent SQL that ").append(finding.kind().description()).append(" (\"")
                    .append(abbreviate(sql)).append("\"). Instead: ")
                    .append(DatabaseIdentityRule.advice(finding.kind(), sender.module(), sender.schema(), provisioning)).append('\n');
        }
        return message.toString().strip();
    }

    private String foreignSchemaMessage(StatementAttribution.Sender sender, String sql, List<TableReference> foreign) {
        String module = sender.module();
        StringBuilder message = new StringBuilder();
        for (TableReference table : foreign) {
            String owner = crossings.ownerOf(table);
            message.append(RuleCatalog.RUNTIME_SQL).append(' ').append(sender.where()).append(' ')
                    .append(crossings.boundary(module, table)).append(": sent SQL touching ").append(owner).append("'s ")
                    .append(table.display()).append(" (\"").append(abbreviate(sql)).append("\"). Instead: ask ").append(owner)
                    .append(" through its published API, or keep a copy in ").append(module)
                    .append("'s own schema fed by ").append(owner).append("'s events\n");
        }
        return message.toString().strip();
    }

    private void refuse(String message, Function<String, RuntimeException> exception) {
        synchronized (this) {
            refused.add(message);
        }
        throw exception.apply(message);
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
