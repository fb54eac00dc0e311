package org.agora.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The agora command: a thin picocli layer over the build; no static state, so tests call {@link #run}. */
@Command(name = "agora", mixinStandardHelpOptions = true, version = "Agora 0.1.0",
        description = "Builds multilingual e-libraries: Markdown + site-config.yml + a theme → a static site.",
        subcommands = {BuildCommand.class, CheckCommand.class, ServeCommand.class, SearchCommand.class, NewCommand.class, MarkCurrentCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Lucene reports at start-up which CPU features it uses; readers of a build report have no use for it. */
    private static final java.util.logging.Logger LUCENE_LOG = java.util.logging.Logger.getLogger("org.apache.lucene");

    public static void main(String[] args) {
        LUCENE_LOG.setLevel(java.util.logging.Level.SEVERE);
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        System.exit(run(out, err, args));
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        int code;
        try {
            // built inside the try: reading the commands' annotations can itself run out of a tiny heap
            CommandLine cli = new CommandLine(new Main());
            cli.setOut(out);
            cli.setErr(err);
            cli.setExecutionExceptionHandler((e, commandLine, parseResult) ->
                    failed(e, parseResult.originalArgs().contains("--debug"), err));
            code = cli.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands on what is not an Exception (a StackOverflowError): still no stack trace for editors.
            code = failed(e, java.util.Arrays.asList(args).contains("--debug"), err);
        }
        out.flush();
        err.flush();
        return code;
    }

    /** What a run that failed unexpectedly says: running out of memory is the site's size, not a fault of ours. */
    static int failed(Throwable e, boolean debug, PrintWriter err) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                long mb = Runtime.getRuntime().maxMemory() >> 20;
                String why = t.getMessage() == null ? "" : " (" + t.getMessage() + ")";
                err.println("agora: out of memory: the site needs more than the " + mb + " MB this Java may use"
                        + why + ". Nothing was written.");
                err.println("Give it more, for example AGORA_JAVA_OPTS=-Xmx4g ./agora build (a build needs about"
                        + " 10 MB per 1,000 documents, and more room makes it faster).");
                if (debug) e.printStackTrace(err);
                return ExitCodes.INTERNAL;
            }
        }
        err.println("agora: internal error: " + org.agora.diag.Failures.describe(e));
        if (debug) e.printStackTrace(err);
        else err.println("Run again with --debug for details, and report it if it persists.");
        return ExitCodes.INTERNAL;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
