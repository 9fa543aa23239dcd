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
}
