package dev.bulkhead.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes back what a module's migrations gave away (ADR 0025). A migration runs as its schema's
 * owner, and an owner may grant its tables to anyone, set default privileges, or create SECURITY
 * DEFINER functions that run as the owner: the build refuses such statements (R9.identity), and
 * this is the layer that holds when the build was bypassed. After a schema's migrations it revokes
 * every privilege on the schema and its tables, sequences and functions held by a role other than
 * the owner and the module's app role, every default privilege the owner set for such a role, and
 * turns SECURITY DEFINER functions into SECURITY INVOKER; each change is logged as a boundary
 * violation naming the schema, the object and the grantee. The registry schema's module grants are
 * the business of {@link RegistryRowAccess}, so it is left out here.
 */
final class SchemaPrivileges {

    private static final Logger log = LoggerFactory.getLogger(SchemaPrivileges.class);

    /** {@code REVOKE}/{@code ALTER} statements undoing every undeclared privilege of one schema, for its owner to run. */
    private static final String UNDECLARED = """
            with allowed as (select oid from pg_roles where rolname in (?, ?)),
            schema as (select oid, nspname, nspacl from pg_namespace where nspname = ?)
            select format('REVOKE ALL ON SCHEMA %I FROM %s', s.nspname, grantee(a.grantee))
            from schema s cross join aclexplode(s.nspacl) a
            where a.grantee not in (select oid from allowed)
            union
            select format('REVOKE ALL ON %s %I.%I FROM %s', case when c.relkind = 'S' then 'SEQUENCE' else 'TABLE' end,
                          s.nspname, c.relname, grantee(a.grantee))
            from schema s join pg_class c on c.relnamespace = s.oid cross join aclexplode(c.relacl) a
            where c.relkind in ('r', 'p', 'v', 'm', 'S', 'f') and a.grantee not in (select oid from allowed)
            union
            select format('REVOKE ALL ON FUNCTION %s FROM %s', p.oid::regprocedure, grantee(a.grantee))
            from schema s join pg_proc p on p.pronamespace = s.oid cross join aclexplode(p.proacl) a
            where a.grantee not in (select oid from allowed) and a.grantee <> 0
            union
            select format('ALTER FUNCTION %s SECURITY INVOKER', p.oid::regprocedure)
            from schema s join pg_proc p on p.pronamespace = s.oid where p.prosecdef
            union
            select format('ALTER DEFAULT PRIVILEGES FOR ROLE %I%s REVOKE ALL ON %s FROM %s', ?,
                          case when d.defaclnamespace = 0 then '' else format(' IN SCHEMA %I', s.nspname) end,
                          case d.defaclobjtype when 'r' then 'TABLES' when 'S' then 'SEQUENCES' when 'f' then 'FUNCTIONS'
                                               when 'T' then 'TYPES' else 'SCHEMAS' end,
                          grantee(a.grantee))
            from pg_default_acl d cross join schema s cross join aclexplode(d.defaclacl) a
            where d.defaclrole = (select oid from pg_roles where rolname = ?)
              and d.defaclnamespace in (0, s.oid) and a.grantee not in (select oid from allowed)
              and not (d.defaclnamespace = 0 and a.grantee = 0)
            """.replace("grantee(a.grantee)",
            "case when a.grantee = 0 then 'PUBLIC' else quote_ident(pg_get_userbyid(a.grantee)) end");

    private final List<RoleNames> modules;

    SchemaPrivileges(List<RoleNames> modules) {
        this.modules = List.copyOf(modules);
    }

    /** Revokes the undeclared privileges of every module schema; returns what it revoked. */
    List<String> converge(DataSource dataSource) {
        List<String> undone = new ArrayList<>();
        for (RoleNames module : modules) {
            undone.addAll(AsOwner.inTransaction(dataSource, "bulkhead-schema-privileges:" + module.schema(), module.ownerRole(),
                    (connection, statement) -> {
                        List<String> revokes = undeclared(connection, module);
                        for (String revoke : revokes) {
                            log.error("Boundary violation: a migration of schema {} (db/{}/) gave away what only its module may "
                                    + "have; undone with: {}. Remove the statement from the migration (rule R9.identity).",
                                    module.schema(), module.owner(), revoke);
                            statement.execute(revoke);
                        }
                        return revokes;
                    }));
        }
        return undone;
    }

    private static List<String> undeclared(Connection connection, RoleNames module) throws SQLException {
        List<String> statements = new ArrayList<>();
        try (PreparedStatement query = connection.prepareStatement(UNDECLARED)) {
            query.setString(1, module.ownerRole());
            query.setString(2, module.appRole());
            query.setString(3, module.schema());
            query.setString(4, module.ownerRole());
            query.setString(5, module.ownerRole());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    statements.add(rows.getString(1));
                }
            }
        }
        return statements;
    }
}
