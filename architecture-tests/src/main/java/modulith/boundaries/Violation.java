package modulith.boundaries;

/**
 * One boundary crossing, phrased so that a developer who never read the rules can fix it.
 *
 * @param ruleId   which rule, such as {@code R2.persistence}
 * @param location where the crossing is
 * @param boundary what was crossed: {@code billing → user}, or {@code order → billing.accounts}
 * @param subject  the thing that crossed it (a type, a table, a method), part of the baseline key
 * @param what     what the code does, in a few words
 * @param fix      what to do instead
 */
public record Violation(String ruleId, Location location, String boundary, String subject, String what, String fix) {

    /** One line: rule, place, boundary, what happened, and the fix. */
    public String message() {
        return ruleId + " " + location.describe() + " " + boundary + ": " + what + ". Instead: " + fix;
    }

    /** What the baseline matches on: stable across edits that only move lines. */
    public String key() {
        return ruleId + " | " + location.member() + " | " + boundary + " | " + subject;
    }

    @Override
    public String toString() {
        return message();
    }
}
