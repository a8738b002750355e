package org.autoimplant.nodes.common;

import java.io.File;
import java.util.function.Supplier;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.util.Progress;
import org.knime.core.node.CanceledExecutionException;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.ExecutionMonitor;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.NodeModel;
import org.knime.core.node.NodeSettingsRO;
import org.knime.core.node.NodeSettingsWO;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * The part every AutoImplant node model shares: settings through {@link CoreSettings}, the core's
 * settings problems as KNIME's InvalidSettingsException, its progress and cancel hooks on the
 * node's monitor, and nothing kept between executions but the output ports (no internals).
 * Subclasses translate ports and tables to core types and back, nothing else.
 *
 * @param <C> the node's settings
 */
public abstract class CoreNodeModel<C extends CoreSettings<?>> extends NodeModel {
    private final Supplier<C> newSettings;
    /** The current settings; the dialog edits a twin with the same keys. */
    protected final C settings;

    protected CoreNodeModel(PortType[] in, PortType[] out, Supplier<C> newSettings) {
        super(in, out);
        this.newSettings = newSettings;
        this.settings = newSettings.get();
    }

    /** Output specs from input specs, or null where they cannot be known before execution. */
    protected abstract PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException,
            InvalidSettingsException;

    /** The work, with {@code progress} wired to the node's monitor. */
    protected abstract PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception;

    @Override
    protected final PortObjectSpec[] configure(PortObjectSpec[] inSpecs) throws InvalidSettingsException {
        try {
            return outputSpecs(inSpecs);
        } catch (NodeSettingsException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected final PortObject[] execute(PortObject[] inObjects, ExecutionContext exec) throws Exception {
        try {
            return run(inObjects, exec, new KnimeProgress(exec));
        } catch (Progress.CancelledException e) {
            throw new CanceledExecutionException("Cancelled");
        } catch (NodeSettingsException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    /** Flow variable naming the ND4J backend that ran (e.g. "ND4J Cpu backend, 2 threads, BLAS OPENBLAS"). */
    public static final String BACKEND_VARIABLE = "autoimplant_backend";

    /**
     * Starts ND4J for this plugin if needed and says which backend runs: as flow variable
     * {@value #BACKEND_VARIABLE} and in the log.
     */
    protected final String startBackend() {
        String backend = org.autoimplant.nodes.Nd4jSetup.ensure();
        pushFlowVariableString(BACKEND_VARIABLE, backend);
        getLogger().info("AutoImplant: " + backend);
        return backend;
    }

    @Override
    protected final void saveSettingsTo(NodeSettingsWO s) {
        settings.save(s);
    }

    @Override
    protected final void validateSettings(NodeSettingsRO s) throws InvalidSettingsException {
        settings.validate(s, newSettings.get());
    }

    @Override
    protected final void loadValidatedSettingsFrom(NodeSettingsRO s) throws InvalidSettingsException {
        settings.load(s);
    }

    @Override
    protected void loadInternals(File nodeInternDir, ExecutionMonitor exec) {
        // Nothing beyond the output ports, which KNIME saves itself.
    }

    @Override
    protected void saveInternals(File nodeInternDir, ExecutionMonitor exec) {
        // Nothing beyond the output ports.
    }

    @Override
    protected void reset() {
        // No state between executions.
    }
}
