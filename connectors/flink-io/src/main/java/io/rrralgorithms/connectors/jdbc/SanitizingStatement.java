package io.rrralgorithms.connectors.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.PreparedStatement;

/**
 * A prepared statement whose text parameters all pass through {@link TextSanitizer} on their way
 * in, so every binder of every table is covered without each one remembering to sanitize.
 */
final class SanitizingStatement implements InvocationHandler {
    private final PreparedStatement target;
    private final int[] limits;

    private SanitizingStatement(PreparedStatement target, int[] limits) {
        this.target = target;
        this.limits = limits;
    }

    /** @param limits the character limit of each parameter (1-based), see {@link UpsertStatement#parameterLimits} */
    static PreparedStatement wrap(PreparedStatement statement, int[] limits) {
        return (PreparedStatement) Proxy.newProxyInstance(SanitizingStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, new SanitizingStatement(statement, limits));
    }

    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
        String name = method.getName();
        if (args != null && args.length >= 2 && args[0] instanceof Integer index && args[1] instanceof String text
                && (name.equals("setString") || name.equals("setNString") || name.equals("setObject"))) {
            args[1] = TextSanitizer.sanitize(text, index > 0 && index < limits.length ? limits[index]
                    : TextSanitizer.UNLIMITED);
        }
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
