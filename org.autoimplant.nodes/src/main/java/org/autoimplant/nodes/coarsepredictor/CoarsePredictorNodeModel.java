package org.autoimplant.nodes.coarsepredictor;

import java.util.List;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.pipeline.CoarseStage;
import org.autoimplant.core.pipeline.CompletionPredictor;
import org.autoimplant.core.pipeline.PredictionInputs;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.nodes.common.AppendColumnsNodeModel;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.autoimplant.nodes.port.ModelPorts;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/**
 * N1 Predictor (model + defective skulls → coarse implant, low-res and upsampled to each skull's
 * grid) and Shape Completion Predictor (→ completed skull and implant = completed skull minus the
 * defective one, cleaned): the N1-architecture predictors.
 */
final class CoarsePredictorNodeModel extends AppendColumnsNodeModel<CoarsePredictorNodeSettings> {
    private final Role role;
    private CoarseStage coarse;
    private CompletionPredictor completion;
    private ModelMetadata model;

    CoarsePredictorNodeModel(Role role) {
        super(new PortType[] {ImplantModelPortObject.TYPE, BufferedDataTable.TYPE}, 1,
                () -> new CoarsePredictorNodeSettings(role == Role.COMPLETION));
        this.role = role;
    }

    private String node() {
        return role == Role.N1 ? "N1 Predictor" : "Shape Completion Predictor";
    }

    @Override
    protected List<InputColumn> inputColumns() {
        return List.of(InputColumn.volume(settings.defective, "defective skull"));
    }

    @Override
    protected List<DataColumnSpec> newColumns(PortObjectSpec[] in) throws InvalidSettingsException {
        return role == Role.N1
                ? List.of(new DataColumnSpecCreator("Coarse implant", VolumeCell.TYPE).createSpec(),
                        new DataColumnSpecCreator("Coarse implant (low-res)", VolumeCell.TYPE).createSpec())
                : List.of(new DataColumnSpecCreator("Implant", VolumeCell.TYPE).createSpec(),
                        new DataColumnSpecCreator("Completed skull", VolumeCell.TYPE).createSpec());
    }

    @Override
    protected void beforeRows(PortObject[] in, ExecutionContext exec) throws Exception {
        ModelPorts.require(in[0].getSpec(), role, node());
        startBackend();
        exec.setMessage("Loading the network");
        model = ((ImplantModelPortObject) in[0]).metadata();
        if (role == Role.N1) {
            coarse = new CoarseStage(((ImplantModelPortObject) in[0]).network().inferenceNetwork());
        } else {
            completion = new CompletionPredictor(((ImplantModelPortObject) in[0]).network());
        }
    }

    @Override
    protected DataCell[] compute(Row row) throws Exception {
        Mask defective = row.skull(0, "defective skull");
        String spacing = PredictionInputs.spacingWarning("defective skull", defective.geometry(), model);
        if (spacing != null) {
            row.warn(spacing);
        }
        if (role == Role.N1) {
            Mask low = coarse.predictLowRes(coarse.downsample(defective));
            Mask up = CoarseStage.upsample(low, defective);
            return new DataCell[] {row.store(up), row.store(low)};
        }
        TwoStepPredictor.Result r = completion.predict(defective, settings.toCore(), row.progress());
        String w = PredictionInputs.implantWarning("implant", r.implant(), defective);
        if (w != null) {
            row.warn(w);
        }
        return new DataCell[] {row.store(r.implant()), row.store(r.coarse())};
    }
}
