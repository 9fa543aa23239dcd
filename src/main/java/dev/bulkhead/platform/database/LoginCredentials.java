package dev.bulkhead.platform.database;

/**
 * The login the application starts with ({@code spring.datasource.*}), and where the database is. It
 * provisions when it may create roles and runs each schema's migrations as that schema's owner role;
 * it is used only at start-up. At run time every module connects with its own {@link ModuleLogin}.
 */
record LoginCredentials(String url, String username, String password) {

    @Override
    public String toString() {
        return "LoginCredentials[url=" + url + ", username=" + username + "]";
    }
}
