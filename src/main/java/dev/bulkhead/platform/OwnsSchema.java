package dev.bulkhead.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A module's declaration of the Postgres schema it owns, on its {@code package-info.java} next to
 * {@code @ApplicationModule}. The platform finds the module in Spring Modulith's module model and reads this
 * annotation from its base package: from it come the module's Flyway location ({@code db/<module>/}), its roles and
 * login, its connection pool and the boundary rules' idea of what it may touch (ADR 0026). A module without it owns
 * no data (the dashboard composes others' published queries).
 *
 * <p>Entities name the same schema through a constant the module keeps beside its entities, so the name is
 * written once: {@code @OwnsSchema(BillingSchema.NAME)} and {@code @Table(schema = BillingSchema.NAME, ...)}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsSchema {

    /** The schema's name: lower case, not a reserved word ({@code user} and {@code order} are). */
    String value();

    /**
     * PostgreSQL extensions the module's migrations use, installed into its schema by the provisioning step (a
     * module's owner role may not create one, ADR 0025): so that the schema holds what its indexes need, and a module
     * extracted onto a database of its own takes them along. Each must be trusted or provisioned by a superuser, and
     * may live in one schema of a database only.
     */
    String[] extensions() default {};
}
