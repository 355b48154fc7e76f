package db.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.jboss.logging.Logger;

import io.inkwell.user.Usernames;

/**
 * Usernames become unique by their confusable skeleton ({@link Usernames#skeleton}), which only Java
 * (ICU4J) can compute: this migration adds the column, fills it for the existing users, oldest first,
 * and makes it unique. A name that looks like an older one keeps its name and gets no skeleton: it is
 * never renamed behind its owner's back, and no new name can look like either of them.
 */
public class V10__Username_skeletons extends BaseJavaMigration {

    private static final Logger LOG = Logger.getLogger(V10__Username_skeletons.class);
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("ALTER TABLE users ADD COLUMN username_skeleton TEXT");
        }
        int lookAlikes = fillSkeletons(connection);
        try (Statement ddl = connection.createStatement()) {
            ddl.execute("CREATE UNIQUE INDEX users_username_skeleton_key ON users (username_skeleton)");
        }
        if (lookAlikes > 0) {
            LOG.warnf("%d existing usernames look like older ones; they keep their names without a skeleton", lookAlikes);
        }
    }

    private static int fillSkeletons(Connection connection) throws Exception {
        Set<String> taken = new HashSet<>();
        int lookAlikes = 0;
        int pending = 0;
        try (Statement select = connection.createStatement();
                PreparedStatement update = connection.prepareStatement(
                        "UPDATE users SET username_skeleton = ? WHERE id = ?")) {
            select.setFetchSize(BATCH);
            try (ResultSet users = select.executeQuery("SELECT id, username FROM users ORDER BY id")) {
                while (users.next()) {
                    String skeleton = Usernames.skeleton(Usernames.normalize(users.getString(2)));
                    if (!taken.add(skeleton)) {
                        lookAlikes++;
                        continue;
                    }
                    update.setString(1, skeleton);
                    update.setLong(2, users.getLong(1));
                    update.addBatch();
                    if (++pending == BATCH) {
                        update.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        return lookAlikes;
    }
}
