package modulith.boundaries.rules;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import modulith.boundaries.BoundaryRule;
import modulith.boundaries.Codebase;
import modulith.boundaries.RuleResult;
import modulith.boundaries.Violation;

/** R1: modules depend on each other without cycles. */
public final class ModuleCycleRule implements BoundaryRule {

    @Override
    public String id() {
        return "R1.cycle";
    }

    @Override
    public String sentence() {
        return "Modules depend on each other without cycles.";
    }

    @Override
    public String help() {
        return "A cycle makes two modules one: neither can change, be tested or be extracted alone. Break it by "
                + "inverting one edge: the lower module defines an interface or event type the upper one implements "
                + "or publishes, and listens instead of being called.";
    }

    @Override
    public RuleResult check(Codebase codebase) {
        Map<String, Map<String, Dependency>> edges = moduleGraph(codebase);
        List<Violation> violations = new ArrayList<>();
        for (List<String> cycle : cycles(edges)) {
            Dependency evidence = edges.get(cycle.get(0)).get(cycle.get(1));
            String path = String.join(" → ", cycle);
            StringBuilder because = new StringBuilder();
            for (int i = 0; i + 1 < cycle.size(); i++) {
                Dependency edge = edges.get(cycle.get(i)).get(cycle.get(i + 1));
                because.append(i == 0 ? "" : "; ").append(cycle.get(i)).append(" → ").append(cycle.get(i + 1))
                        .append(" via ").append(edge.getOriginClass().getSimpleName()).append(" → ")
                        .append(edge.getTargetClass().getSimpleName()).append(" ").append(edge.getSourceCodeLocation());
            }
            violations.add(new Violation(id(), codebase.locate(evidence.getSourceCodeLocation(), evidence.getOriginClass().getName()),
                    path, path, "the modules depend on each other in a cycle (" + because + ")",
                    "break one edge: let " + cycle.get(1) + " publish an event that " + cycle.get(0)
                            + " listens to, or let the lower module define an interface the other implements"));
        }
        return RuleResult.of(violations);
    }

    /** module → module it depends on → the first dependency found, as evidence. */
    private static Map<String, Map<String, Dependency>> moduleGraph(Codebase codebase) {
        Map<String, Map<String, Dependency>> edges = new TreeMap<>();
        for (JavaClass origin : codebase.classes()) {
            Optional<String> from = codebase.moduleOf(origin);
            if (from.isEmpty()) {
                continue;
            }
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                Optional<String> to = codebase.moduleOf(dependency.getTargetClass().getBaseComponentType());
                if (to.isPresent() && !to.equals(from)) {
                    edges.computeIfAbsent(from.get(), module -> new TreeMap<>()).putIfAbsent(to.get(), dependency);
                }
            }
        }
        return edges;
    }

    /**
     * One cycle per group of mutually dependent modules, each as a path that starts and ends at the
     * group's alphabetically first module.
     */
    private static List<List<String>> cycles(Map<String, Map<String, Dependency>> edges) {
        List<List<String>> cycles = new ArrayList<>();
        TreeSet<String> covered = new TreeSet<>();
        for (String start : edges.keySet()) {
            if (covered.contains(start)) {
                continue;
            }
            Optional<List<String>> cycle = pathBack(start, start, edges, new LinkedHashMap<>());
            if (cycle.isPresent()) {
                cycles.add(cycle.get());
                covered.addAll(cycle.get());
            }
        }
        return cycles;
    }

    private static Optional<List<String>> pathBack(String start, String current, Map<String, Map<String, Dependency>> edges,
            LinkedHashMap<String, Boolean> visiting) {
        visiting.put(current, true);
        for (String next : edges.getOrDefault(current, Map.of()).keySet()) {
            if (next.equals(start)) {
                List<String> path = new ArrayList<>(visiting.keySet());
                path.add(start);
                return Optional.of(path);
            }
            if (!visiting.containsKey(next)) {
                Optional<List<String>> found = pathBack(start, next, edges, visiting);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        visiting.remove(current);
        return Optional.empty();
    }
}
