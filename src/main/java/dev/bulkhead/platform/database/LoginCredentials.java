package dev.bulkhead.platform.database;

/** The role the application logs in as ({@code spring.datasource.*}), and where. */
record LoginCredentials(String url, String username, String password) {

    @Override
    public String toString() {
        return "LoginCredentials[url=" + url + ", username=" + username + "]";
    }
}
