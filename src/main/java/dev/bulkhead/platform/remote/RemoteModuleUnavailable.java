package dev.bulkhead.platform.remote;

/** The process hosting a module did not answer a published query. */
public class RemoteModuleUnavailable extends RuntimeException {

    RemoteModuleUnavailable(String message) {
        super(message);
    }
}
