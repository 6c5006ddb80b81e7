package io.rrralgorithms.jobs.trading;

/** Why the risk engine refused an order: the rule ({@link Order#rejectRule}) and the numbers behind it. */
record Rejection(String rule, String detail) {}
