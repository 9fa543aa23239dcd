package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaParameter;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.ReferencedClassObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/**
 * R2: no module uses another module's persistence: its Spring Data repositories, its entities
 * through the {@code EntityManager}, or the {@code DataSource}/{@code JdbcTemplate} beans it
 * declares.
 */
public final class ForeignPersistenceRule implements BoundaryRule {

    static final String REPOSITORY = "org.springframework.data.repository.Repository";
    private static final Set<String> ENTITY_MANAGERS = Set.of("jakarta.persistence.EntityManager",
            "org.hibernate.Session", "jakarta.persistence.criteria.CriteriaBuilder");
    private static final Set<String> DATA_ACCESS_BEANS = Set.of("javax.sql.DataSource",
            "org.springframework.jdbc.core.JdbcOperations", "org.springframework.jdbc.core.JdbcTemplate",
            "org.springframework.jdbc.core.namedparam.NamedParameterJdbcOperations",
            "org.springframework.jdbc.core.simple.JdbcClient", "jakarta.persistence.EntityManagerFactory");
    private static final String BEAN = "org.springframework.context.annotation.Bean";
    private static final String QUALIFIER = "org.springframework.beans.factory.annotation.Qualifier";

    @Override
    public String id() {
        return "R2.persistence";
    }

    @Override
    public String sentence() {
        return "No module uses another module's repositories, entities or database beans.";
    }

    @Override
    public String help() {
        return "Each module's data is private to it. Reading another module's rows, even through its own repository, "
                + "couples the two schemas forever. Ask the owning module through its published API, or keep the data "
                + "you need as your own copy, fed by the owner's events.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String> dataBeanOwners = dataAccessBeans(codebase);
        for (JavaClass origin : codebase.classes()) {
            Optional<String> from = codebase.moduleOf(origin);
            if (from.isEmpty()) {
                continue;
            }
            foreignRepositories(codebase, origin, from.get(), violations);
            repositoriesOfForeignEntities(codebase, origin, from.get(), violations);
            entityManagerQueries(codebase, origin, from.get(), violations);
            foreignDataBeans(codebase, origin, from.get(), dataBeanOwners, violations);
        }
        return RuleResult.of(violations);
    }

    private void foreignRepositories(Codebase codebase, JavaClass origin, String from, List<Violation> violations) {
        for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
            JavaClass target = dependency.getTargetClass().getBaseComponentType();
            Optional<String> to = codebase.moduleOf(target);
            if (to.isEmpty() || to.get().equals(from) || !target.isAssignableTo(REPOSITORY)) {
                continue;
            }
            violations.add(new Violation(id(), codebase.locate(dependency.getSourceCodeLocation(), origin.getName()),
                    from + " → " + to.get(), target.getName(),
                    "uses " + to.get() + "'s Spring Data repository " + target.getSimpleName(),
                    askOwner(codebase, from, to.get())));
        }
    }

    /** A repository declared in one module for another module's entity reads the other schema just the same. */
    private void repositoriesOfForeignEntities(Codebase codebase, JavaClass origin, String from, List<Violation> violations) {
        if (!origin.isInterface() || !origin.isAssignableTo(REPOSITORY)) {
            return;
        }
        for (JavaType declared : origin.getInterfaces()) {
            if (!(declared instanceof JavaParameterizedType parameterized) || parameterized.getActualTypeArguments().isEmpty()) {
                continue;
            }
            JavaClass domainType = parameterized.getActualTypeArguments().get(0).toErasure();
            Optional<String> owner = codebase.moduleOf(domainType);
            if (owner.isPresent() && !owner.get().equals(from)) {
                violations.add(new Violation(id(), codebase.locateClass(origin), from + " → " + owner.get(),
                        domainType.getName(), "declares a repository for " + owner.get() + "'s entity " + domainType.getSimpleName(),
                        askOwner(codebase, from, owner.get())));
            }
        }
    }

    /** {@code em.find(User.class, id)}, {@code em.createQuery(…, User.class)}, criteria over another module's entity. */
    private void entityManagerQueries(Codebase codebase, JavaClass origin, String from, List<Violation> violations) {
        for (JavaCodeUnit codeUnit : origin.getCodeUnits()) {
            boolean usesEntityManager = codeUnit.getMethodCallsFromSelf().stream()
                    .anyMatch(call -> ENTITY_MANAGERS.stream().anyMatch(type -> call.getTargetOwner().isAssignableTo(type)));
            if (!usesEntityManager) {
                continue;
            }
            for (ReferencedClassObject literal : codeUnit.getReferencedClassObjects()) {
                JavaClass entity = literal.getRawType();
                Optional<String> owner = codebase.moduleOf(entity);
                if (owner.isPresent() && !owner.get().equals(from) && codebase.isPersistent(entity)) {
                    violations.add(new Violation(id(), codebase.locate(literal.getSourceCodeLocation(),
                            origin.getName() + "." + codeUnit.getName()), from + " → " + owner.get(), entity.getName(),
                            "queries " + owner.get() + "'s entity " + entity.getSimpleName() + " through the EntityManager",
                            askOwner(codebase, from, owner.get())));
                }
            }
        }
    }

    /** Injection points qualified with the name of a data-access bean another module declares. */
    private void foreignDataBeans(Codebase codebase, JavaClass origin, String from, Map<String, String> owners,
            List<Violation> violations) {
        for (JavaField field : origin.getFields()) {
            qualifier(field.getAnnotations()).ifPresent(name -> foreignBean(codebase, origin, from, owners, name,
                    field.getName(), false, violations));
        }
        for (JavaCodeUnit codeUnit : origin.getCodeUnits()) {
            for (JavaParameter parameter : codeUnit.getParameters()) {
                qualifier(parameter.getAnnotations()).ifPresent(name -> foreignBean(codebase, origin, from, owners, name,
                        codeUnit.getName(), true, violations));
            }
        }
        for (JavaMethodCall call : origin.getMethodCallsFromSelf()) {
            Optional<String> owner = codebase.moduleOf(call.getTargetOwner());
            boolean beanMethod = call.getTarget().resolveMember().map(member -> member.isAnnotatedWith(BEAN)).orElse(false);
            if (beanMethod && owner.isPresent() && !owner.get().equals(from)
                    && DATA_ACCESS_BEANS.stream().anyMatch(type -> call.getTarget().getRawReturnType().isAssignableTo(type))) {
                violations.add(dataBeanViolation(codebase, codebase.locate(call.getSourceCodeLocation(), origin.getName()),
                        from, owner.get(), call.getTarget().getName()));
            }
        }
    }

    private void foreignBean(Codebase codebase, JavaClass origin, String from, Map<String, String> owners, String beanName,
            String member, boolean method, List<Violation> violations) {
        String owner = owners.get(beanName);
        if (owner != null && !owner.equals(from)) {
            violations.add(dataBeanViolation(codebase, codebase.locateMember(origin, member, method), from, owner, beanName));
        }
    }

    private Violation dataBeanViolation(Codebase codebase, modulith.boundaries.Location location, String from, String owner,
            String beanName) {
        return new Violation(id(), location, from + " → " + owner, beanName,
                "injects " + owner + "'s database bean '" + beanName + "'", askOwner(codebase, from, owner)
                        + "; " + from + " uses its own DataSource/JdbcTemplate on its own schema");
    }

    private static Optional<String> qualifier(Set<? extends JavaAnnotation<?>> annotations) {
        return annotations.stream()
                .filter(annotation -> annotation.getRawType().getName().equals(QUALIFIER))
                .map(annotation -> String.valueOf(annotation.get("value").orElse("")))
                .filter(name -> !name.isEmpty())
                .findFirst();
    }

    /** Bean name → module, for every {@code @Bean} method returning a DataSource, JdbcTemplate and the like. */
    private static Map<String, String> dataAccessBeans(Codebase codebase) {
        Map<String, String> owners = new HashMap<>();
        for (JavaClass javaClass : codebase.classes()) {
            Optional<String> module = codebase.moduleOf(javaClass);
            if (module.isEmpty()) {
                continue;
            }
            for (JavaMethod method : javaClass.getMethods()) {
                if (!method.isAnnotatedWith(BEAN)
                        || DATA_ACCESS_BEANS.stream().noneMatch(type -> method.getRawReturnType().isAssignableTo(type))) {
                    continue;
                }
                JavaAnnotation<JavaMethod> bean = method.getAnnotationOfType(BEAN);
                List<String> names = new ArrayList<>();
                for (String attribute : List.of("name", "value")) {
                    bean.get(attribute).filter(String[].class::isInstance).map(String[].class::cast)
                            .ifPresent(values -> names.addAll(List.of(values)));
                }
                if (names.isEmpty()) {
                    names.add(method.getName());
                }
                names.forEach(name -> owners.put(name, module.get()));
            }
        }
        return owners;
    }

    private static String askOwner(Codebase codebase, String from, String owner) {
        return "call " + codebase.publishedApiHint(owner) + " (" + owner + "'s published API), or keep the data " + from
                + " needs in " + from + "'s own schema, fed by " + owner + "'s events";
    }
}
