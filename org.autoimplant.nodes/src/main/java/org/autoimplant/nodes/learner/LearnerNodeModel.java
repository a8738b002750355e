package org.autoimplant.nodes.learner;

import java.io.File;
import java.nio.file.Path;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.learner.Learning;
import org.autoimplant.core.pipeline.TrainingPairs;
import org.autoimplant.core.util.Progress;
import org.autoimplant.nodes.common.Columns;
import org.autoimplant.nodes.common.CoreNodeModel;
import org.autoimplant.nodes.common.KnimePaths;
import org.autoimplant.nodes.data.VolumeValue;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.autoimplant.nodes.port.ImplantModelPortObjectSpec;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataRow;
import org.knime.core.data.DataTableSpec;
import org.knime.core.data.container.CloseableRowIterator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;
import org.knime.core.util.FileUtil;

/**
 * N1, N2 and Shape Completion Learner: a table of training pairs (and optionally a validation
 * table with the same columns) → a trained model. Progress shows the step, the loss and the time
 * left; cancel stops after the current step, saving a checkpoint when a checkpoint file is set, from
 * which the next execution resumes.
 */
final class LearnerNodeModel extends CoreNodeModel<LearnerNodeSettings> {
    private final Role role;

    LearnerNodeModel(Role role) {
        super(new PortType[] {BufferedDataTable.TYPE, BufferedDataTable.TYPE_OPTIONAL},
                new PortType[] {ImplantModelPortObject.TYPE}, () -> new LearnerNodeSettings(role));
        this.role = role;
    }

    @Override
    protected PortObjectSpec[] outputSpecs(PortObjectSpec[] in) throws NodeSettingsException, InvalidSettingsException {
        DataTableSpec spec = (DataTableSpec) in[0];
        if (spec != null) {
            guess(Columns.require(spec, settings.input, VolumeValue.class, "training input", false));
            guess(Columns.require(spec, settings.target, VolumeValue.class, "training target", true));
        }
        if (in[1] != null) {
            for (String c : new String[] {settings.input.getStringValue(), settings.target.getStringValue()}) {
                if (((DataTableSpec) in[1]).findColumnIndex(c) < 0) {
                    throw new InvalidSettingsException("The validation table has no column '" + c
                            + "' (it needs the training table's columns)");
                }
            }
        }
        Learning.Settings s = settings.toCore();
        ModelMetadata m = ModelMetadata.of(s.spec(), s.margin(), "", "");
        m.setSteps(s.steps());
        return new PortObjectSpec[] {ImplantModelPortObjectSpec.of(m)};
    }

    private void guess(Columns.Choice c) {
        if (c.guessed() != null) {
            setWarningMessage(c.guessed());
        }
    }

    @Override
    protected PortObject[] run(PortObject[] in, ExecutionContext exec, Progress progress) throws Exception {
        Learning.Settings s = settings.toCore();
        startBackend();
        TrainingPairs train = pairs(s, (BufferedDataTable) in[0], "training", exec, progress);
        TrainingPairs val = in[1] == null ? null : pairs(s, (BufferedDataTable) in[1], "validation", exec, progress);
        File work = FileUtil.createTempDir("autoimplant-" + role.id() + "-learner");
        Path model = Learning.train(s, train, val, KnimePaths.INSTANCE, work.toPath(),
                org.autoimplant.core.cli.Versions.version(), progress, line -> getLogger().info(line));
        ModelMetadata meta = ModelFile.verify(model);
        return new PortObject[] {ImplantModelPortObject.copyOf(model, meta, exec.createFileStore("model.zip"))};
    }

    private TrainingPairs pairs(Learning.Settings s, BufferedDataTable t, String what, ExecutionContext exec,
            Progress progress) throws Exception {
        DataTableSpec spec = t.getDataTableSpec();
        int in = spec.findColumnIndex(settings.input.getStringValue());
        int target = spec.findColumnIndex(settings.target.getStringValue());
        TrainingPairs p = Learning.pairs(s);
        progress.start("Preparing " + what + " pairs", t.size());
        long done = 0;
        int withoutCrop = 0;
        try (CloseableRowIterator it = t.iterator()) {
            while (it.hasNext()) {
                progress.checkCancelled();
                DataRow r = it.next();
                DataCell a = r.getCell(in), b = r.getCell(target);
                if (role == Role.N2 && a.isMissing() && b.isMissing()) {
                    withoutCrop++; // the BBox Cropper's row for a case without any implant: nothing to learn
                    progress.update(++done, r.getKey().getString());
                    continue;
                }
                if (a.isMissing() || b.isMissing()) {
                    throw new IllegalArgumentException("Row '" + r.getKey() + "' of the " + what + " table has a"
                            + " missing volume");
                }
                try {
                    Learning.add(s, p, r.getKey().getString(), ((VolumeValue) a).getMask(), ((VolumeValue) b).getMask());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Row '" + r.getKey() + "' of the " + what + " table: "
                            + e.getMessage(), e);
                }
                progress.update(++done, r.getKey().getString());
            }
        } finally {
            progress.finish();
        }
        if (withoutCrop > 0) {
            setWarningMessage(withoutCrop + " row(s) of the " + what + " table have no crops (cases without any"
                    + " implant): skipped");
        }
        return p;
    }
}
