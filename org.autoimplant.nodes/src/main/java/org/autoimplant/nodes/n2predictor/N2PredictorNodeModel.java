package org.autoimplant.nodes.n2predictor;

import java.util.List;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.pipeline.FineStage;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.nodes.common.AppendColumnsNodeModel;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.autoimplant.nodes.port.ModelPorts;
import org.knime.core.data.DataCell;
import org.knime.core.data.DataColumnSpec;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataType;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.ExecutionContext;
import org.knime.core.node.port.PortObject;
import org.knime.core.node.port.PortObjectSpec;
import org.knime.core.node.port.PortType;

/** N2 Predictor: model + crops of the BBox Cropper → the fine implant of each crop. */
final class N2PredictorNodeModel extends AppendColumnsNodeModel<N2PredictorNodeSettings> {
    private FineStage n2;

    N2PredictorNodeModel() {
        super(new PortType[] {ImplantModelPortObject.TYPE, BufferedDataTable.TYPE}, 1, N2PredictorNodeSettings::new);
    }

    @Override
    protected List<InputColumn> inputColumns() {
        return List.of(InputColumn.volume(settings.crop, "defective skull crop"));
    }

    @Override
    protected List<DataColumnSpec> newColumns(PortObjectSpec[] in) {
        return List.of(new DataColumnSpecCreator("Fine implant crop", VolumeCell.TYPE).createSpec());
    }

    @Override
    protected void beforeRows(PortObject[] in, ExecutionContext exec) throws Exception {
        ModelPorts.require(in[0].getSpec(), Role.N2, "N2 Predictor");
        startBackend();
        exec.setMessage("Loading the network");
        n2 = new FineStage(((ImplantModelPortObject) in[0]).network().inferenceNetwork());
    }

    @Override
    protected DataCell[] compute(Row row) throws Exception {
        if (row.cell(0) == null) {
            // The BBox Cropper's row for a case without any coarse implant: nothing to refine.
            return new DataCell[] {DataType.getMissingCell()};
        }
        Mask crop = row.mask(0, "defective skull crop");
        if (!crop.shape().equals(n2.input())) {
            throw new IllegalArgumentException("the crop is " + crop.shape() + " but the N2 model takes " + n2.input()
                    + " (set the BBox Cropper's input size to the model's)");
        }
        return new DataCell[] {row.store(n2.segment(crop))};
    }
}
