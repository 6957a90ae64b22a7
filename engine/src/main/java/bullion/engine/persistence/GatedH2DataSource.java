package bullion.engine.persistence;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLTransientConnectionException;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The connection pool's data source for the embedded file (its {@code url} set as a property): H2's driver, except
 * that it connects only while {@link JournalHealth#admitsConnections} says so. A new connection to an H2 file that is
 * not open in this JVM opens it; opened on a disk that fails writes, the database dies at once and keeps the file
 * locked, and a dead database finishing its close later unregisters a reopened one of the same name. So only
 * {@code JournalHealth} reopens the file (after a write beside it has succeeded) and the pool only joins the database
 * it holds open.
 */
public final class GatedH2DataSource implements DataSource {

    private volatile String url;
    private volatile String user = "";
    private volatile String password = "";
    private volatile int loginTimeout;

    /** Set by the pool from its data source properties. */
    public void setUrl(String url) {
        this.url = url;
    }

    public String getUrl() {
        return url;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return getConnection(user, password);
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        if (!JournalHealth.admitsConnections(url)) {
            throw new SQLTransientConnectionException(
                    "the embedded database at " + url + " is closed until the journal's health probe reopens it",
                    "08001");
        }
        return DriverManager.getConnection(url, user, password);
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // H2 logs through its own trace settings.
    }

    @Override
    public void setLoginTimeout(int seconds) {
        loginTimeout = seconds;
    }

    @Override
    public int getLoginTimeout() {
        return loginTimeout;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return type.cast(this);
        }
        throw new SQLException("not a wrapper of " + type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return type.isInstance(this);
    }
}
