package dev.bulkhead.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the step of a business flow a module's method performs, for its span: {@code billing charge},
 * {@code order paid}. Every event listener is called {@code on}, so a listener that a trace should read as a
 * step of the flow says which; without it a listener's span is {@code <module> on <Event>} and a transactional
 * method's {@code <module> <method>} ({@code order place}). See {@code dev.bulkhead.platform.observability}.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Step {

    /** The step in a word or two, lower case: {@code charge}, {@code paid}. */
    String value();
}
