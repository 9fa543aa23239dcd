package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.JavaAnnotation;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import modulith.boundaries.Policies;

/**
 * Decides whether a method changes state, from two independent signals, either of which suffices:
 * <ol>
 * <li>its name starts with a verb of change ({@code register}, {@code save}, {@code cancel}, …: the policy's
 * {@link Policies#VERBS_OF_CHANGE}, which a codebase may tune);</li>
 * <li>it, or its implementation in the same module, runs in a writing transaction:
 * {@code @Transactional} without {@code readOnly = true} on the method, or on the class when the
 * method has none.</li>
 * </ol>
 * The name catches a mutating method before it has an implementation; the transaction catches one
 * with an innocent name. A read-only method is named like a query and, if transactional, read-only.
 */
final class MutatingMethods {

    private static final String SPRING_TRANSACTIONAL = "org.springframework.transaction.annotation.Transactional";
    private static final String JAKARTA_TRANSACTIONAL = "jakarta.transaction.Transactional";

    private MutatingMethods() {
    }

    /** Why the method counts as changing state, or empty if it looks read-only. */
    static Optional<String> whyMutating(JavaMethod method, Policies.ReadOnlyApi policy) {
        List<String> reasons = new ArrayList<>();
        String verb = firstWord(method.getName());
        if (policy.verbsOfChange().contains(verb) && !isAccessor(method, verb)) {
            reasons.add("named like a change ('" + verb + "')");
        }
        for (JavaMethod candidate : policy.writingTransactionsCount() ? withImplementations(method) : List.<JavaMethod>of()) {
            if (writesInTransaction(candidate)) {
                reasons.add("@Transactional without readOnly on " + candidate.getOwner().getSimpleName() + "." + candidate.getName());
                break;
            }
        }
        return reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons));
    }

    /** The method and the methods overriding it in subclasses (the implementations of an interface method). */
    private static List<JavaMethod> withImplementations(JavaMethod method) {
        List<JavaMethod> found = new ArrayList<>();
        found.add(method);
        for (JavaClass subclass : method.getOwner().getAllSubclasses()) {
            subclass.tryGetMethod(method.getName(), method.getRawParameterTypes().stream().map(JavaClass::getName)
                    .toArray(String[]::new)).ifPresent(found::add);
        }
        return found;
    }

    private static boolean writesInTransaction(JavaMethod method) {
        Optional<Boolean> onMethod = transactionWrites(method.tryGetAnnotationOfType(SPRING_TRANSACTIONAL),
                method.isAnnotatedWith(JAKARTA_TRANSACTIONAL));
        if (onMethod.isPresent()) {
            return onMethod.get();
        }
        JavaClass owner = method.getOwner();
        return transactionWrites(owner.tryGetAnnotationOfType(SPRING_TRANSACTIONAL), owner.isAnnotatedWith(JAKARTA_TRANSACTIONAL))
                .orElse(false);
    }

    /** Empty when there is no transaction annotation; else whether the transaction may write. */
    private static Optional<Boolean> transactionWrites(Optional<? extends JavaAnnotation<?>> spring, boolean jakarta) {
        if (spring.isPresent()) {
            return Optional.of(!Boolean.TRUE.equals(spring.get().get("readOnly").orElse(false)));
        }
        return jakarta ? Optional.of(true) : Optional.empty();
    }

    /**
     * Record components and getters are read-only whatever their name: {@code chargeReference()}
     * starts with "charge" but only returns a value.
     */
    private static boolean isAccessor(JavaMethod method, String verb) {
        boolean recordComponent = method.getOwner().isRecord() && method.getRawParameterTypes().isEmpty()
                && method.getOwner().tryGetField(method.getName()).isPresent();
        boolean getterLike = method.getRawParameterTypes().isEmpty() && !method.getRawReturnType().getName().equals("void")
                && !method.getName().equals(verb);
        return recordComponent || getterLike;
    }

    private static String firstWord(String camelCase) {
        int end = 0;
        while (end < camelCase.length() && Character.isLowerCase(camelCase.charAt(end))) {
            end++;
        }
        return camelCase.substring(0, end).toLowerCase(Locale.ROOT);
    }
}
