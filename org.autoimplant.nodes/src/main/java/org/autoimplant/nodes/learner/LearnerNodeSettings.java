package org.autoimplant.nodes.learner;

import org.autoimplant.core.model.Role;
import org.autoimplant.core.nodecore.NodeSettingsException;
import org.autoimplant.core.nodecore.learner.Learning;
import org.autoimplant.nodes.common.CoreSettings;
import org.autoimplant.nodes.common.Sizes;
import org.autoimplant.nodes.data.VolumeValue;
import org.knime.core.node.defaultnodesettings.SettingsModelDoubleBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelIntegerBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelLongBounded;
import org.knime.core.node.defaultnodesettings.SettingsModelString;

/** The learners' options; the N2 Learner also has the crop margin its crops were made with. */
public final class LearnerNodeSettings extends CoreSettings<Learning.Settings> {
    private final Role role;
    public final SettingsModelString input;
    public final SettingsModelString target;
    public final SettingsModelIntegerBounded steps;
    public final SettingsModelDoubleBounded learningRate;
    public final SettingsModelDoubleBounded beta1;
    public final SettingsModelDoubleBounded width;
    public final SettingsModelString size;
    public final SettingsModelLongBounded seed;
    public final SettingsModelIntegerBounded margin;
    public final SettingsModelString checkpoint;
    public final SettingsModelIntegerBounded checkpointEvery;

    public LearnerNodeSettings(Role role) {
        this.role = role;
        Learning.Settings d = Learning.Settings.defaults(role);
        input = column("input_column", role == Role.N2 ? "Defective skull crop column" : "Defective skull column", 0,
                false, VolumeValue.class);
        target = column("target_column", role == Role.N2 ? "Implant crop column" : role == Role.N1 ? "Implant column"
                : "Complete skull column", 0, false, VolumeValue.class);
        group("Training");
        steps = integer("steps", (int) d.steps(), 1, 10_000_000, "Steps");
        learningRate = number("learning_rate", d.learningRate(), 1e-7, 1, "Learning rate");
        beta1 = number("beta1", d.beta1(), 0, 0.9999, "Adam beta1");
        seed = longInteger("seed", d.seed(), Long.MIN_VALUE, Long.MAX_VALUE, "Seed");
        group("Network");
        width = number("width", d.width(), 0.01, 4, "Width factor");
        size = text("input_size", "", "Input size (x,y,z; empty = the paper's)");
        margin = role == Role.N2 ? integer("margin", d.margin(), 0, 256, "Crop margin (voxels)") : null;
        group("Checkpoint");
        checkpoint = location("checkpoint", "Checkpoint file (optional)", false, true, ".zip");
        checkpointEvery = integer("checkpoint_every", d.checkpointEvery(), 1, 1_000_000, "Save every (steps)");
    }

    public Role role() {
        return role;
    }

    @Override
    public Learning.Settings toCore() throws NodeSettingsException {
        Learning.Settings s = new Learning.Settings(role, steps.getIntValue(), learningRate.getDoubleValue(),
                beta1.getDoubleValue(), width.getDoubleValue(), Sizes.parse(size.getStringValue(), "Input size", null),
                seed.getLongValue(), margin == null ? 0 : margin.getIntValue(), checkpoint.getStringValue(),
                checkpointEvery.getIntValue(), checkpointEvery.getIntValue());
        s.validate();
        return s;
    }
}
