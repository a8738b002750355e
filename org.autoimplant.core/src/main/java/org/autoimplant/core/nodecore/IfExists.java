package org.autoimplant.core.nodecore;

/** What a writer does when its output file is already there. */
public enum IfExists {
    /** Stop before writing anything, naming the file. */
    FAIL,
    /** Replace the file (atomically: the old one stays until the new one is complete). */
    OVERWRITE,
    /** Keep the file and write nothing for that row. */
    SKIP
}
