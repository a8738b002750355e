package org.autoimplant.nodes.designer;

import java.util.ArrayList;
import java.util.List;
import org.autoimplant.core.model.ModelFile;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.nodecore.design.ImplantDesign;
import org.autoimplant.core.nodecore.volumeops.SkullExtraction;
import org.autoimplant.core.pipeline.PredictionInputs;
import org.autoimplant.core.pipeline.TwoStepPredictor;
import org.autoimplant.core.volume.Mask;
import org.autoimplant.nodes.common.AppendColumnsNodeModel;
import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.port.BundledModels;
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
 * Implant Designer: defective skull (or CT) → implant in one node, direct (N1 + N2) or by shape
 * completion, with the connected models or, where a port is left empty, the bundled ones.
 */
final class ImplantDesignerNodeModel extends AppendColumnsNodeModel<ImplantDesignerNodeSettings> {
    private static final Role[] PORTS = {Role.N1, Role.N2, Role.COMPLETION};
    private ImplantDesign.Designer designer;

    ImplantDesignerNodeModel() {
        super(new PortType[] {ImplantModelPortObject.TYPE_OPTIONAL, ImplantModelPortObject.TYPE_OPTIONAL,
            ImplantModelPortObject.TYPE_OPTIONAL, BufferedDataTable.TYPE}, ImplantDesignerNodeSettings.TABLE,
                ImplantDesignerNodeSettings::new);
    }

    @Override
    protected List<InputColumn> inputColumns() {
        return List.of(InputColumn.volume(settings.input, settings.ct.getBooleanValue() ? "CT" : "defective skull"));
    }

    @Override
    protected List<DataColumnSpec> newColumns(PortObjectSpec[] in) throws InvalidSettingsException {
        for (int i = 0; i < PORTS.length && i < in.length; i++) {
            if (in[i] != null) {
                ModelPorts.require(in[i], PORTS[i], "Implant Designer's port " + (i + 1));
            }
        }
        List<DataColumnSpec> cols = new ArrayList<>();
        cols.add(new DataColumnSpecCreator("Implant", VolumeCell.TYPE).createSpec());
        if (settings.ct.getBooleanValue()) {
            cols.add(new DataColumnSpecCreator("Skull", VolumeCell.TYPE).createSpec());
        }
        return cols;
    }

    @Override
    protected void beforeRows(PortObject[] in, ExecutionContext exec) throws Exception {
        ImplantDesign.Settings s = settings.toCore();
        startBackend();
        exec.setMessage("Loading the networks");
        ModelFile.Loaded[] m = new ModelFile.Loaded[PORTS.length];
        boolean direct = s.mode() == ImplantDesign.Mode.DIRECT;
        for (int i = 0; i < PORTS.length; i++) {
            boolean needed = direct ? PORTS[i] != Role.COMPLETION : PORTS[i] == Role.COMPLETION;
            if (!needed) {
                continue;
            }
            if (in[i] != null) {
                ModelPorts.require(in[i].getSpec(), PORTS[i], "Implant Designer");
                m[i] = ((ImplantModelPortObject) in[i]).network();
            } else {
                m[i] = BundledModels.get(PORTS[i]);
            }
        }
        designer = new ImplantDesign.Designer(s, new ImplantDesign.Models(m[0], m[1], m[2]));
    }

    @Override
    protected DataCell[] compute(Row row) throws Exception {
        ImplantDesign.Settings s = settings.toCore();
        Mask skull;
        Mask extracted = null;
        if (s.ctInput()) {
            extracted = SkullExtraction.apply(new SkullExtraction.Settings(s.threshold(), true),
                    row.volume(0, "CT").getVolume());
            PredictionInputs.checkGrid("skull", extracted.shape(), extracted.geometry());
            PredictionInputs.checkBone("skull extracted at " + s.threshold() + " HU", extracted);
            skull = extracted;
        } else {
            skull = row.skull(0, "defective skull");
        }
        String spacing = designer.spacingWarning(s.ctInput() ? "CT" : "defective skull", skull);
        if (spacing != null) {
            row.warn(spacing);
        }
        TwoStepPredictor.Result r = designer.design(skull, row.progress());
        String w = PredictionInputs.implantWarning("implant", r.implant(), skull);
        if (w != null) {
            row.warn(w);
        }
        return extracted == null ? new DataCell[] {row.store(r.implant())}
                : new DataCell[] {row.store(r.implant()), row.store(extracted)};
    }
}
