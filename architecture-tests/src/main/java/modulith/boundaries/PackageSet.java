package modulith.boundaries;

import java.util.Set;

/**
 * A few packages, each standing for itself and its sub-packages: {@code com.acme.platform.database}
 * covers {@code com.acme.platform.database.roles} but not {@code com.acme.platform.databases}.
 */
public record PackageSet(Set<String> packages) {

    public PackageSet {
        packages = Set.copyOf(packages);
    }

    public static PackageSet of(String... packages) {
        return new PackageSet(Set.of(packages));
    }

    public boolean covers(String packageName) {
        return packages.stream().anyMatch(each -> packageName.equals(each) || packageName.startsWith(each + "."));
    }

    /** The package of a fully qualified class name; nested classes ({@code Outer$Inner}) share their outer class's. */
    public boolean coversClass(String className) {
        int lastDot = className.lastIndexOf('.');
        return lastDot > 0 && covers(className.substring(0, lastDot));
    }

    @Override
    public String toString() {
        return String.join(", ", packages.stream().sorted().toList());
    }
}
