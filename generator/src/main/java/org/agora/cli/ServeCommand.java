package org.agora.cli;

import org.agora.config.ConfigLoader;
import org.agora.diag.Diagnostics;
import org.agora.serve.AllowedHosts;
import org.agora.serve.LivePreview;
import org.agora.serve.PreviewServer;
import org.agora.site.BuildOptions;
import org.agora.site.BuildResult;
import org.agora.site.SiteBuilder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

@Command(name = "serve", description = "Build the site into a preview folder, serve it on http://localhost and rebuild it as files change.")
final class ServeCommand extends SiteCommand {

    @Mixin
    BuildDateOption buildDate;

    @Option(names = "--bind", paramLabel = "ADDRESS",
            description = "address to listen on (default: ${DEFAULT-VALUE}, this machine only; 0.0.0.0 for every network)")
    String bind = "127.0.0.1";

    @Option(names = "--port", description = "port to listen on, on this machine only (default: ${DEFAULT-VALUE}; 0 picks a free one)")
    int port = 1313;

    @Option(names = "--allow-host", paramLabel = "NAME[:PORT]",
            description = "a host name the preview answers to, besides localhost and its addresses: the machine's"
                    + " name for other machines, or the name and port of a port forward (repeatable)")
    List<String> allowHosts = new ArrayList<>();

    @Option(names = "--timings", description = "print how long each step of every build took")
    boolean timings;

    @Override
    int run(Path siteDir, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        java.time.LocalDate date = buildDate.resolve(spec.commandLine());
        List<String> hostNames = hostNames();
        Path previewRoot = Files.createTempDirectory("agora-preview-");
        Path preview = previewRoot.resolve("site");
        Report report = new Report(out, err, siteDir);
        BuildOptions options = new BuildOptions(siteDir, preview, site.drafts, BuildOptions.defaultCache(siteDir), date);
        boolean[] first = {true};
        LivePreview.Listener terminal = new LivePreview.Listener() {
            @Override
            public void built(BuildResult result) {
                if (!first[0]) out.println();   // later builds: a blank line between their reports
                report.problems(result);
                report.summary(result);
                if (timings) report.timings(result);
                out.flush();
                first[0] = false;
            }

            @Override
            public void updated(java.util.Set<Path> changed, BuildResult result) {
                out.println();
                report.problems(result);
                report.update(changed, result);
                if (timings) report.timings(result);
                out.flush();
            }

            @Override
            public void caughtUp(BuildResult result) {
                out.printf(java.util.Locale.ROOT, "Search index and related documents brought up to date (%.1f s)%n",
                        result.total().toNanos() / 1e9);
                out.flush();
            }

            @Override
            public void rebuildingAll(String reason) {
                out.println();
                out.println("Rebuilding the whole site: " + reason);
                out.flush();
            }
        };
        try (LivePreview live = new LivePreview(options, report.progress(System.console() != null), terminal)) {
            // The preview is a throwaway copy: remove it when the editor stops the server (Ctrl+C), once a
            // build that may be running has stopped writing into it.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    live.close();
                } catch (IOException | RuntimeException ignored) {
                    // stopping anyway: the folder is removed below
                } finally {
                    org.agora.files.FileTrees.deleteQuietly(previewRoot);
                }
            }));
            BuildResult result = live.start();
            // The first build must succeed: there is nothing to show before it.
            if (!result.success()) return ExitCodes.SITE_ERRORS;
            String basePath = new ConfigLoader().load(siteDir, new Diagnostics()).orElseThrow().basePath();
            try (PreviewServer server = new PreviewServer(preview, basePath, InetAddress.getByName(bind), port, live.state(), hostNames)) {
                URI url = server.start();
                out.println("Serving the e-library at " + url + ", rebuilding as files change  (Ctrl+C to stop)");
                if (!InetAddress.getByName(bind).isLoopbackAddress()) {
                    out.println("Warning: listening on " + bind + ": other machines on the network can see the preview"
                            + " (at this machine's address; to use its name, add --allow-host NAME).");
                }
                out.flush();
                new CountDownLatch(1).await();
            }
        }
        return ExitCodes.OK;
    }

    /**
     * The names the preview answers to besides localhost and its addresses: those allowed, and the name
     * given to --bind when it is one, since that is the name the editor will open.
     */
    private List<String> hostNames() {
        for (String name : allowHosts) {
            if (!AllowedHosts.isValid(name)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--allow-host '" + name
                        + "' is not a host name (write a name such as  laptop.local  or  laptop.local:8080)");
            }
        }
        List<String> names = new ArrayList<>(allowHosts);
        if (AllowedHosts.isValid(bind)) names.add(bind); // an address literal among names is harmless
        return names;
    }

}
