package modulith.boundaries;

import java.util.List;

/** One architecture rule: a sentence the codebase must keep true, and how to find where it does not. */
public interface BoundaryRule {

    /** Stable id used in messages, the baseline and SARIF, such as {@code R5.sql}. */
    String id();

    /** The rule as one sentence. */
    String sentence();

    /** Why the rule exists and how violations are usually fixed; shown as SARIF help. */
    String help();

    RuleResult check(Codebase codebase);
}
