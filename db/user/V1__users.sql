CREATE TABLE users
(
    id            UUID                     NOT NULL PRIMARY KEY,
    email         VARCHAR(254)             NOT NULL,
    name          VARCHAR(200)             NOT NULL,
    active        BOOLEAN                  NOT NULL,
    registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    version       BIGINT                   NOT NULL
);

-- Email addresses are unique regardless of case.
CREATE UNIQUE INDEX users_email_lower_key ON users (lower(email));
