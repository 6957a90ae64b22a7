package bullion.engine.standings;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One transaction of the projection: a pooled connection with auto-commit off, on which the projection writes the
 * night and its offset together and then commits (or rolls both back). The connection is taken at the first statement,
 * not when the session is made: on SQLite a transaction holds the database's one write lock from its start
 * ({@code transaction_mode=IMMEDIATE}), and a session that has not written yet must leave the journal free to write
 * (see {@link StandingsProjection}).
 */
final class StandingsSession implements JdbcSession {

    private final DataSource pool;
    private Connection connection;

    StandingsSession(DataSource pool) {
        this.pool = pool;
    }

    @Override
    public <Result> Result withConnection(Function<Connection, Result> func) throws Exception {
        return func.apply(connection());
    }

    private Connection connection() {
        if (connection == null) {
            try {
                connection = pool.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException("the standings could not get a database connection", e);
            }
            try {
                connection.setAutoCommit(false);
            } catch (SQLException e) {
                throw new IllegalStateException("the standings could not begin a transaction", e);
            }
        }
        return connection;
    }

    @Override
    public void commit() throws SQLException {
        if (connection != null) {
            connection.commit();
        }
    }

    @Override
    public void rollback() throws SQLException {
        if (connection != null) {
            connection.rollback();
        }
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }
}
