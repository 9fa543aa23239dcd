package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The queries a class declares in annotations: {@code @Query} (Spring Data JPA and JDBC; {@code value}
 * and {@code countQuery}), {@code @NamedQuery} and {@code @NamedNativeQuery}. Annotation values are
 * not string constants of the class file, so the constant scan alone would miss them.
 */
final class DeclaredQueries {

    private static final String JPA_QUERY = "org.springframework.data.jpa.repository.Query";
    private static final String JDBC_QUERY = "org.springframework.data.jdbc.repository.query.Query";
    private static final String NAMED_QUERY = "jakarta.persistence.NamedQuery";
    private static final String NAMED_QUERIES = "jakarta.persistence.NamedQueries";
    private static final String NAMED_NATIVE_QUERY = "jakarta.persistence.NamedNativeQuery";
    private static final String NAMED_NATIVE_QUERIES = "jakarta.persistence.NamedNativeQueries";

    /**
     * @param member    the annotated method, or the query's name for named queries
     * @param text      the query
     * @param nativeSql SQL (native or JDBC); otherwise JPQL
     */
    record DeclaredQuery(String member, String text, boolean nativeSql) {
    }

    private DeclaredQueries() {
    }

    static List<DeclaredQuery> of(JavaClass javaClass) {
        List<DeclaredQuery> queries = new ArrayList<>();
        for (JavaMethod method : javaClass.getMethods()) {
            for (JavaAnnotation<JavaMethod> query : method.getAnnotations()) {
                String type = query.getRawType().getName();
                if (type.equals(JPA_QUERY) || type.equals(JDBC_QUERY)) {
                    boolean nativeSql = type.equals(JDBC_QUERY) || Boolean.TRUE.equals(query.get("nativeQuery").orElse(false));
                    for (String attribute : List.of("value", "countQuery")) {
                        text(query, attribute).ifPresent(sql -> queries.add(new DeclaredQuery(method.getName(), sql, nativeSql)));
                    }
                }
            }
        }
        for (JavaAnnotation<?> named : named(javaClass, NAMED_QUERY, NAMED_QUERIES)) {
            text(named, "query").ifPresent(query -> queries.add(new DeclaredQuery(text(named, "name").orElse("?"), query, false)));
        }
        for (JavaAnnotation<?> named : named(javaClass, NAMED_NATIVE_QUERY, NAMED_NATIVE_QUERIES)) {
            text(named, "query").ifPresent(query -> queries.add(new DeclaredQuery(text(named, "name").orElse("?"), query, true)));
        }
        return queries;
    }

    private static Optional<String> text(JavaAnnotation<?> annotation, String attribute) {
        return annotation.get(attribute).map(String::valueOf).filter(value -> !value.isBlank());
    }

    private static List<JavaAnnotation<?>> named(JavaClass javaClass, String single, String container) {
        List<JavaAnnotation<?>> found = new ArrayList<>();
        javaClass.tryGetAnnotationOfType(single).ifPresent(found::add);
        javaClass.tryGetAnnotationOfType(container).flatMap(annotation -> annotation.get("value"))
                .filter(JavaAnnotation[].class::isInstance)
                .ifPresent(values -> found.addAll(List.of((JavaAnnotation<?>[]) values)));
        return found;
    }
}
