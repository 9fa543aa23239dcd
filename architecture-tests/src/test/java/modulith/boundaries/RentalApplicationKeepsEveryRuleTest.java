package modulith.boundaries;

import modulith.boundaries.junit.ModuleBoundaryTests;

/**
 * The bike rental, a Spring Modulith application that is not Bulkhead, checked exactly as another project would check
 * itself: one class extending {@link ModuleBoundaryTests}. Every rule holds on it (no false alarm on its open
 * {@code common} module, its named interface, its allowed dependencies, its {@code SET search_path}, sequences and
 * {@code nextval} defaults), every migration statement is checked, none only scanned, and Spring Modulith's own
 * verification agrees.
 */
class RentalApplicationKeepsEveryRuleTest extends ModuleBoundaryTests {

    @Override
    protected BoundaryConfiguration configuration() {
        return Rentals.clean();
    }
}
