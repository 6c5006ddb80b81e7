package io.rrralgorithms.connectors.jdbc;

import java.io.Serializable;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Binds one element to the parameters of an upsert statement (it ships with the sink, hence serializable). */
@FunctionalInterface
public interface RowBinder<T> extends Serializable {
    void bind(PreparedStatement statement, T element) throws SQLException;
}
