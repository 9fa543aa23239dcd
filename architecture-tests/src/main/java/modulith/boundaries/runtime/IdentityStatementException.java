package modulith.boundaries.runtime;

/** Thrown instead of sending a statement that switches a module's role or search path, or changes privileges (R9). */
public class IdentityStatementException extends RuntimeException {

    public IdentityStatementException(String message) {
        super(message);
    }
}
