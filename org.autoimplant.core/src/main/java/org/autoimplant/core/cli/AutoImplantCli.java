package org.autoimplant.core.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** Entry point of the {@code autoimplant} command line: one small command class per subcommand. */
@Command(name = "autoimplant", mixinStandardHelpOptions = true, versionProvider = Versions.class,
        description = "Automatic cranial implant design: NRRD volumes, skull preparation, implant prediction.",
        subcommands = {DemoCommand.class, InfoCommand.class, ConvertCommand.class, ResampleCommand.class, SkullCommand.class,
            DefectCommand.class, PhantomCommand.class, MetricsCommand.class, EvaluateCommand.class, MeshCommand.class, ReportCommand.class,
            TrainCoarseCommand.N1.class, TrainN2Command.class, TrainCoarseCommand.Completion.class, PredictCommand.class,
            DesignCommand.class, ExportModelCommand.class,
            CommandLine.HelpCommand.class},
        footer = {"", "Run 'autoimplant COMMAND --help' for the options of a command."})
public final class AutoImplantCli implements Runnable {

    @Option(names = "--debug", scope = ScopeType.INHERIT,
            description = "Print full stack traces on errors.")
    boolean debug;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }

    public static void main(String[] args) {
        PrintWriter err = new PrintWriter(System.err, true);
        int code;
        try {
            code = execute(args, new PrintWriter(System.out, true), err);
        } catch (OutOfMemoryError e) {
            err.println("autoimplant: error: " + ErrorReporter.outOfMemory(e));
            code = ErrorReporter.EXIT_FAILURE;
        }
        System.exit(code);
    }

    /** Runs the command line with the given streams and returns the exit code (0 on success). */
    public static int execute(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cl = new CommandLine(new AutoImplantCli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setExecutionExceptionHandler(new ErrorReporter());
        return cl.execute(args);
    }
}
