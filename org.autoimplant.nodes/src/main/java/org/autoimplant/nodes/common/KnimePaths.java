package org.autoimplant.nodes.common;

import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.nio.file.Path;
import java.util.Locale;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.PathResolver;
import org.knime.core.node.workflow.NodeContext;
import org.knime.core.node.workflow.contextv2.WorkflowContextV2;
import org.knime.core.util.exception.ResourceAccessException;
import org.knime.core.util.urlresolve.KnimeUrlResolver;

/**
 * Locations as users type them in KNIME dialogs: local paths, {@code file:} URLs and KNIME URLs
 * such as {@code knime://knime.workflow/data} (relative to the workflow, so a workflow shipped with
 * its data runs wherever it is copied, on a laptop or a Hub executor). KNIME URLs are resolved by
 * KNIME's own {@link KnimeUrlResolver} for the running workflow's context.
 */
public final class KnimePaths implements PathResolver {
    public static final KnimePaths INSTANCE = new KnimePaths();

    /**
     * Carries the "knime" scheme on URL objects where no handler is registered (a bare headless
     * framework has none; KNIME AP's explorer registers one). Never opened: the resolver maps such
     * URLs to file URLs first.
     */
    private static final URLStreamHandler INERT = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL u) throws IOException {
            throw new IOException("not resolved: " + u);
        }
    };

    private KnimePaths() {
    }

    @Override
    public Path resolve(String location) throws NodeSettingsException {
        String l = location == null ? "" : location.strip();
        if (l.isEmpty()) {
            throw new NodeSettingsException("No file or folder given");
        }
        String lower = l.toLowerCase(Locale.ROOT);
        try {
            if (lower.startsWith("knime:")) {
                return knimeUrl(l);
            }
            if (lower.startsWith("file:")) {
                return Path.of(new URI(l.replace(" ", "%20")));
            }
            return Path.of(l);
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new NodeSettingsException("'" + l + "' is neither a valid path nor a file or KNIME URL: "
                    + e.getMessage());
        }
    }

    private static Path knimeUrl(String l) throws NodeSettingsException, URISyntaxException {
        NodeContext ctx = NodeContext.getContext();
        WorkflowContextV2 wf = ctx == null || ctx.getWorkflowManager() == null ? null
                : ctx.getWorkflowManager().getContextV2();
        try {
            URL url;
            try {
                url = new URL(l.replace(" ", "%20"));
            } catch (MalformedURLException e) {
                url = new URL(null, l.replace(" ", "%20"), INERT);
            }
            URL resolved = KnimeUrlResolver.getResolver(wf).resolve(url);
            if (!"file".equalsIgnoreCase(resolved.getProtocol())) {
                throw new NodeSettingsException(l + " is not on this machine (it resolves to " + resolved
                        + "); AutoImplant nodes read and write local files only");
            }
            return Path.of(resolved.toURI());
        } catch (MalformedURLException | ResourceAccessException e) {
            throw new NodeSettingsException("Cannot resolve " + l + (wf == null ? " outside a workflow" : "") + ": "
                    + e.getMessage());
        }
    }
}
