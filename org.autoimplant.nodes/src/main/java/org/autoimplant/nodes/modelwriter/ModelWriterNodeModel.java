package org.autoimplant.nodes.modelwriter;

import java.nio.file.Path;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.modelio.ModelFiles;
import org.autoimplant.core.nodecore.modelio.ModelWriterSettings;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.KnimePaths;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** Model Writer: the AutoImplant Model port → a model zip. */
final class ModelWriterNodeModel extends CoreNodeModel<ModelWriterNodeSettings> {
    ModelWriterNodeModel() {
        super(new PortType[] {ImplantModelPortObject.TYPE}, new PortType[0], ModelWriterNodeSettings::new);
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException {
        settings.toCore();
        return new PortObjectSpec[0];
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        ImplantModelPortObject model = (ImplantModelPortObject) in[0];
        ModelWriterSettings s = settings.toCore();
        Path target = ModelFiles.target(s, KnimePaths.INSTANCE);
        if (!ModelFiles.write(model.modelFile(), target, s.ifExists())) {
            setWarningMessage(target + " exists and was kept (\"skip\")");
        }
        return new PortObject[0];
    }
}
