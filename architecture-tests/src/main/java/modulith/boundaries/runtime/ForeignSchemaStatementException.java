package modulith.boundaries.runtime;

/** Thrown instead of sending a statement that reaches into another module's schema. */
public class ForeignSchemaStatementException extends RuntimeException {

    public ForeignSchemaStatementException(String message) {
        super(message);
    }
}
