package bullion.engine.standings;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.apache.pekko.japi.function.Function;
import org.apache.pekko.projection.jdbc.JdbcSession;

/**
 * One transaction of the projection: a pooled connection with auto-commit off, on which the projection writes the
 * night and its offset together and then commits (or rolls both back).
 */
final class StandingsSession implements JdbcSession {

    private final Connection connection;

    StandingsSession(DataSource pool) {
        try {
            this.connection = pool.getConnection();
            this.connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw new IllegalStateException("the standings could not get a database connection", e);
        }
    }

    @Override
    public <Result> Result withConnection(Function<Connection, Result> func) throws Exception {
        return func.apply(connection);
    }

    @Override
    public void commit() throws SQLException {
        connection.commit();
    }

    @Override
    public void rollback() throws SQLException {
        connection.rollback();
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }
}
