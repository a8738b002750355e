package org.autoimplant.nodes.modelreader;

import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.modelio.ModelFiles;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.KnimePaths;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.autoimplant.nodes.port.ImplantModelPortObjectSpec;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Model Reader: a model zip → the AutoImplant Model port. */
final class ModelReaderNodeModel extends CoreNodeModel<ModelReaderNodeSettings> {
    ModelReaderNodeModel() {
        super(new PortType[0], new PortType[] {ImplantModelPortObject.TYPE}, ModelReaderNodeSettings::new);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        try {
            return new PortObjectSpec[] {
                ImplantModelPortObjectSpec.of(ModelFiles.describe(settings.toCore(), KnimePaths.INSTANCE))};
        } catch (java.io.IOException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        ModelFiles.Checked m = ModelFiles.read(settings.toCore(), KnimePaths.INSTANCE);
        exec.setMessage("Copying " + m.file().getFileName());
        return new PortObject[] {ImplantModelPortObject.copyOf(m.file(), m.metadata(),
                exec.createFileStore("model.zip"))};
    }
}
