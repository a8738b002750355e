package org.autoimplant.nodes.common;

/**
 * What a row-by-row node does when one row fails: stop with the row's id in the message (the
 * default), or leave that row's new cells missing and say why in a Status column, so a batch of a
 * hundred skulls is not lost to one bad file.
 */
public enum RowFailures {
    FAIL, SKIP;

    /** The name of the status column added under {@link #SKIP}. */
    public static final String STATUS = "Status";
}
