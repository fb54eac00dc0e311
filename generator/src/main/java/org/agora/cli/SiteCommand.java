package org.agora.cli;

import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * A command that reads a site: takes the site's options and runs with the site's folder, made absolute, and the
 * command line's output and error streams (which tests replace).
 */
abstract class SiteCommand implements Callable<Integer> {

    @Mixin
    SiteOptions site;

    @Spec
    CommandSpec spec;

    /** Returns the exit code ({@link ExitCodes}). */
    abstract int run(Path siteDir, PrintWriter out, PrintWriter err) throws Exception;

    @Override
    public final Integer call() throws Exception {
        return run(site.site.toAbsolutePath().normalize(), spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
