package dev.bulkhead.platform.database;

import jakarta.persistence.EntityManagerFactory;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.transaction.TransactionDefinition;

/**
 * A JPA transaction manager that tells the connection router which module a transaction works
 * for. Spring names a transaction after the method that started it
 * ({@code <module package>.internal.PaymentProcessor.on}), so the module is read from the name
 * just before the connection is taken, and the connection comes from that module's pool, running
 * as that module's role. A transaction named after code outside the modules (a Spring Data
 * repository method called without a surrounding transaction) belongs to the innermost module on
 * the call stack. The event publication registry writes on the same connection, so an event
 * still commits atomically with the change that caused it.
 */
class ModuleTransactionManager extends JpaTransactionManager {

    ModuleTransactionManager(EntityManagerFactory entityManagerFactory) {
        super(entityManagerFactory);
    }

    @Override
    protected void doBegin(Object transaction, TransactionDefinition definition) {
        CurrentModule.push(CurrentModule.ownerOf(definition.getName())
                .or(CurrentModule::ownerFromCallStack)
                .orElse(ModuleConnections.UNATTRIBUTED));
        try {
            super.doBegin(transaction, definition);
        } finally {
            CurrentModule.pop();
        }
    }
}
