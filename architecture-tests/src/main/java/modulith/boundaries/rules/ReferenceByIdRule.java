package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/**
 * R3: entities and embeddables refer to other modules' aggregates by id only: no field, association
 * or collection is typed with another module's entity or embeddable.
 */
public final class ReferenceByIdRule implements BoundaryRule {

    /** jMolecules' typed reference by id: {@code Association<User, UserId>} holds no {@code User}. */
    private static final String ASSOCIATION = "org.jmolecules.ddd.types.Association";
    private static final String IDENTIFIER = "org.jmolecules.ddd.types.Identifier";

    @Override
    public String id() {
        return "R3.reference";
    }

    @Override
    public String sentence() {
        return "No entity holds another module's entity; other aggregates are referenced by id.";
    }

    @Override
    public String help() {
        return "A @ManyToOne or collection of another module's entity makes JPA load and join across schemas, and "
                + "lets one module change another's rows. Store the other aggregate's id value (such as UserId), or a "
                + "jMolecules Association, and ask the owning module for details when needed.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        List<Violation> violations = new ArrayList<>();
        for (JavaClass holder : codebase.classes()) {
            Optional<String> from = codebase.moduleOf(holder);
            if (from.isEmpty() || !codebase.isPersistent(holder)) {
                continue;
            }
            for (JavaField field : holder.getFields()) {
                for (JavaClass held : heldTypes(field.getType())) {
                    Optional<String> owner = codebase.moduleOf(held);
                    if (owner.isPresent() && !owner.get().equals(from.get()) && codebase.isPersistent(held)) {
                        violations.add(new Violation(id(), codebase.locateMember(holder, field.getName(), false),
                                from.get() + " → " + owner.get(), held.getName(),
                                holder.getSimpleName() + "." + field.getName() + " holds " + owner.get() + "'s "
                                        + held.getSimpleName(),
                                storeTheId(codebase, held, owner.get())));
                    }
                }
            }
        }
        return RuleResult.of(violations);
    }

    /** Every class a field's value can contain, looking into type arguments but not into associations. */
    private static Set<JavaClass> heldTypes(JavaType type) {
        Set<JavaClass> held = new LinkedHashSet<>();
        collect(type, held);
        return held;
    }

    private static void collect(JavaType type, Set<JavaClass> held) {
        if (type instanceof JavaWildcardType wildcard) {
            wildcard.getUpperBounds().forEach(bound -> collect(bound, held));
            return;
        }
        JavaClass raw = type.toErasure().getBaseComponentType();
        held.add(raw);
        if (type instanceof JavaParameterizedType parameterized && !raw.getName().equals(ASSOCIATION)) {
            parameterized.getActualTypeArguments().forEach(argument -> collect(argument, held));
        }
    }

    private static String storeTheId(Codebase codebase, JavaClass entity, String owner) {
        String rootPackage = codebase.modules().rootPackageOf(owner);
        Optional<JavaClass> idType = codebase.classes().stream()
                .filter(candidate -> candidate.getPackageName().equals(rootPackage))
                .filter(candidate -> candidate.getSimpleName().equals(entity.getSimpleName() + "Id")
                        || candidate.isAssignableTo(IDENTIFIER) && candidate.getSimpleName().startsWith(entity.getSimpleName()))
                .findFirst();
        return idType.map(id -> "store the `" + id.getSimpleName() + "`, not the `" + entity.getSimpleName()
                        + "` (a column holding the id, no foreign key across schemas), and ask " + owner + " through "
                        + codebase.publishedApiHint(owner) + " when you need its details")
                .orElse("store the id value of " + entity.getSimpleName() + " (or a jMolecules Association), not the "
                        + entity.getSimpleName() + " itself, and ask " + owner + " through " + codebase.publishedApiHint(owner)
                        + " when you need its details");
    }
}
