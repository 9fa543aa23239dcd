package dev.bulkhead.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Marks a method of a module's published, read-only API. It runs in a read-only transaction of its
 * own, on its own module's connection and role, even when another module calls it from inside its
 * transaction: the caller's connection may not read this module's schema.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Transactional(propagation = Propagation.REQUIRES_NEW, readOnly = true)
public @interface PublishedQuery {
}
