package dev.bulkhead.platform;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Who is asking, as the modules that own the data need to know it to check ownership. A request
 * carries a bearer token: a customer (role CUSTOMER, subject = their user id), support staff
 * (SUPPORT, may read everything) or an operator (OPERATOR, the admin endpoints). Work without a
 * request — event listeners, scheduled jobs — is the system itself and is not restricted.
 */
public final class Caller {

    public static final String CUSTOMER = "CUSTOMER";
    public static final String SUPPORT = "SUPPORT";
    public static final String OPERATOR = "OPERATOR";

    private Caller() {
    }

    /**
     * A customer may read only their own data; support staff and operators may read everyone's.
     *
     * @param what what is being read, for the message
     */
    public static void requireReadAccessTo(UUID owner, String what) {
        if (!mayRead(owner)) {
            throw RejectedRequest.forbidden("you may only read your own " + what);
        }
    }

    /** Only the customer themselves changes their data; staff read, they do not act for customers. */
    public static void requireChangeAccessTo(UUID owner, String what) {
        Optional<Authentication> caller = authenticated();
        if (caller.isPresent() && !isCustomer(caller.get(), owner)) {
            throw RejectedRequest.forbidden("only the customer may change their own " + what);
        }
    }

    /** Data about many customers at once: support staff, operators and the system only. */
    public static void requireStaff(String what) {
        Optional<Authentication> caller = authenticated();
        if (caller.isPresent() && !hasRole(caller.get(), SUPPORT) && !hasRole(caller.get(), OPERATOR)) {
            throw RejectedRequest.forbidden(what + " is for support staff");
        }
    }

    public static boolean mayRead(UUID owner) {
        Optional<Authentication> caller = authenticated();
        return caller.isEmpty() || hasRole(caller.get(), SUPPORT) || hasRole(caller.get(), OPERATOR)
                || isCustomer(caller.get(), owner);
    }

    private static Optional<Authentication> authenticated() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && authentication.isAuthenticated() ? Optional.of(authentication) : Optional.empty();
    }

    private static boolean isCustomer(Authentication caller, UUID owner) {
        return hasRole(caller, CUSTOMER) && owner != null && owner.toString().equals(caller.getName());
    }

    private static boolean hasRole(Authentication caller, String role) {
        Set<String> wanted = Set.of("ROLE_" + role);
        return caller.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(wanted::contains);
    }
}
