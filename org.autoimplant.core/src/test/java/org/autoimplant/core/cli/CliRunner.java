package org.autoimplant.core.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line in-process and keeps what it printed, for the CLI tests. */
abstract class CliRunner {
    /** What the last {@link #run} printed on stdout and stderr. */
    protected String out;
    protected String err;

    /** Runs {@code autoimplant ARGS} and returns its exit code. */
    protected int run(String... args) {
        StringWriter o = new StringWriter(), e = new StringWriter();
        int code = AutoImplantCli.execute(args, new PrintWriter(o, true), new PrintWriter(e, true));
        out = o.toString();
        err = e.toString();
        return code;
    }
}
