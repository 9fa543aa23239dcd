package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.Location;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/**
 * R4: every entity maps explicitly to its own module's schema: {@code @Table}, {@code @SecondaryTable},
 * {@code @CollectionTable} and {@code @JoinTable} all name the schema, and it is the module's.
 */
public final class OwnSchemaMappingRule implements BoundaryRule {

    private static final String TABLE = "jakarta.persistence.Table";
    private static final String SECONDARY_TABLE = "jakarta.persistence.SecondaryTable";
    private static final String SECONDARY_TABLES = "jakarta.persistence.SecondaryTables";
    private static final List<String> MEMBER_TABLES = List.of("jakarta.persistence.CollectionTable",
            "jakarta.persistence.JoinTable");

    @Override
    public String id() {
        return "R4.mapping";
    }

    @Override
    public String sentence() {
        return "Every entity maps explicitly to its own module's schema.";
    }

    @Override
    public String help() {
        return "Without an explicit schema a table lands in whatever schema the connection defaults to, which is "
                + "nobody's; with another module's schema the entity writes into data it does not own. Name the "
                + "module's own schema on @Table, @SecondaryTable, @CollectionTable and @JoinTable.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        List<Violation> violations = new ArrayList<>();
        for (JavaClass entity : codebase.classes()) {
            if (!codebase.isEntity(entity)) {
                continue;
            }
            Optional<String> module = codebase.moduleOf(entity);
            Optional<String> ownSchema = module.flatMap(codebase.modules()::schemaOf);
            if (ownSchema.isEmpty()) {
                violations.add(new Violation(id(), codebase.locateClass(entity), module.orElse("(no module)") + " → ?",
                        entity.getName(), "entity " + entity.getSimpleName() + " is in "
                                + module.map(name -> "module " + name).orElse("no module") + ", which owns no schema",
                        "move it into the module that owns its data, next to that module's other entities"));
                continue;
            }
            String where = "@Table";
            Optional<JavaAnnotation<JavaClass>> table = entity.tryGetAnnotationOfType(TABLE);
            checkSchema(codebase, entity, module.get(), ownSchema.get(), table.flatMap(OwnSchemaMappingRule::schema),
                    where + " of " + entity.getSimpleName(), codebase.locateClass(entity), violations);
            for (JavaAnnotation<?> secondary : secondaryTables(entity)) {
                checkSchema(codebase, entity, module.get(), ownSchema.get(), schema(secondary),
                        "@SecondaryTable of " + entity.getSimpleName(), codebase.locateClass(entity), violations);
            }
            for (JavaMember member : members(entity)) {
                for (String annotationType : MEMBER_TABLES) {
                    if (member.isAnnotatedWith(annotationType)) {
                        String annotationName = annotationType.substring(annotationType.lastIndexOf('.') + 1);
                        checkSchema(codebase, entity, module.get(), ownSchema.get(),
                                schema(member.getAnnotationOfType(annotationType)),
                                "@" + annotationName + " of " + entity.getSimpleName() + "." + member.getName(),
                                codebase.locateMember(entity, member.getName(), member instanceof JavaMethod), violations);
                    }
                }
            }
        }
        return RuleResult.of(violations);
    }

    private void checkSchema(Codebase codebase, JavaClass entity, String module, String ownSchema, Optional<String> declared,
            String what, Location location, List<Violation> violations) {
        if (declared.isEmpty()) {
            violations.add(new Violation(id(), location, module + " → (default schema)", what,
                    what + " names no schema, so the table goes to the connection's default schema",
                    "name the schema explicitly: schema = \"" + ownSchema + "\" (module " + module
                            + "'s schema; use the project's schema constant)"));
        } else if (!declared.get().equalsIgnoreCase(ownSchema)) {
            String owner = codebase.modules().ownerOfSchema(declared.get()).map(name -> "module " + name + "'s schema")
                    .orElse("a schema no module owns");
            violations.add(new Violation(id(), location, module + " → " + declared.get(), what,
                    what + " maps to " + owner + " " + declared.get() + " instead of " + module + "'s " + ownSchema,
                    "map it to \"" + ownSchema + "\"; if the data belongs to the other module, move the entity there and "
                            + "ask that module through its published API"));
        }
    }

    private static Optional<String> schema(JavaAnnotation<?> annotation) {
        return annotation.get("schema").map(String::valueOf).filter(value -> !value.isBlank());
    }

    private static List<JavaAnnotation<?>> secondaryTables(JavaClass entity) {
        List<JavaAnnotation<?>> found = new ArrayList<>();
        entity.tryGetAnnotationOfType(SECONDARY_TABLE).ifPresent(found::add);
        entity.tryGetAnnotationOfType(SECONDARY_TABLES).flatMap(container -> container.get("value"))
                .filter(JavaAnnotation[].class::isInstance)
                .ifPresent(values -> found.addAll(List.of((JavaAnnotation<?>[]) values)));
        return found;
    }

    private static List<JavaMember> members(JavaClass entity) {
        List<JavaMember> members = new ArrayList<>(entity.getFields());
        members.addAll(entity.getMethods());
        return members;
    }
}
