package org.alignlab.infra;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The roles and schemas of the Kubernetes deployment's database ({@code k8s/base/postgres/cluster.yaml}, bundled
 * into this module at build time): the SQL CloudNativePG runs once after initdb, and the login roles it then keeps.
 * The local PostgreSQL replays the same file, so every service logs in locally with the rights it has in the
 * cluster and no more.
 *
 * @param bootstrapSql statements run once, in the application database, before any service starts
 * @param loginRoles   the roles that log in with a password (one per service, and the auditor)
 */
public record DatabaseRoles(List<String> bootstrapSql, List<String> loginRoles) {

    static final String RESOURCE = "postgres-cluster/cluster.yaml";

    public static DatabaseRoles bundled() {
        try (InputStream in = DatabaseRoles.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the class path: rebuild deploy/infra");
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    static DatabaseRoles parse(InputStream yaml) throws IOException {
        JsonNode spec = new YAMLMapper().readTree(yaml).path("spec");
        List<String> sql = new ArrayList<>();
        spec.path("bootstrap").path("initdb").path("postInitApplicationSQL").forEach(s -> sql.add(s.asText()));
        List<String> roles = new ArrayList<>();
        for (JsonNode role : spec.path("managed").path("roles")) {
            String name = role.path("name").asText();
            if (!name.matches("[a-z_]+")) {
                throw new IllegalStateException(RESOURCE + ": role name '" + name + "' is not a plain identifier");
            }
            if (role.path("login").asBoolean(false)) {
                roles.add(name);
            }
        }
        if (sql.isEmpty() || roles.isEmpty()) {
            throw new IllegalStateException(RESOURCE + " names no bootstrap SQL or no login roles");
        }
        return new DatabaseRoles(List.copyOf(sql), List.copyOf(roles));
    }
}
