package io.testtrack.execution.repository;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Rows into PostgreSQL with {@code COPY … FROM STDIN (FORMAT csv)}, written through Commons CSV
 * and sent in 256 KiB chunks, so memory stays flat however many rows pass. Closing ends the
 * copy; a copy left unfinished by a failure is cancelled.
 */
public final class CopyStream implements AutoCloseable {

    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder buffer = new StringBuilder(CHUNK + 64 * 1024);
    private final CSVPrinter printer;
    private boolean ended;

    public CopyStream(Connection connection, String table, String columns) throws SQLException {
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI()
                .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)");
        try {
            this.printer = new CSVPrinter(buffer, CSVFormat.POSTGRESQL_CSV);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(Object... values) {
        try {
            printer.printRecord(values);
            if (buffer.length() >= CHUNK) {
                flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException("sending rows to PostgreSQL failed", e);
        }
    }

    /** Sends what is left and ends the copy; answers how many rows PostgreSQL took. */
    public long finish() throws SQLException {
        flush();
        ended = true;
        return copy.endCopy();
    }

    @Override
    public void close() throws SQLException {
        if (!ended && copy.isActive()) {
            copy.cancelCopy();
        }
    }

    private void flush() throws SQLException {
        if (buffer.length() > 0) {
            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
            copy.writeToCopy(bytes, 0, bytes.length);
            buffer.setLength(0);
        }
    }
}
