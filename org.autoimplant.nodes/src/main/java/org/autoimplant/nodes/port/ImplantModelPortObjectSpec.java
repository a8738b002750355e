package org.autoimplant.nodes.port;

import java.util.Arrays;
import java.util.Locale;
import javax.swing.JComponent;
import org.autoimplant.core.model.ModelMetadata;
import org.autoimplant.core.model.Role;
import org.autoimplant.core.volume.Shape;
import org.knime.core.node.InvalidSettingsException;
import org.knime.core.node.ModelContentRO;
import org.knime.core.node.ModelContentWO;
import org.knime.core.node.port.AbstractSimplePortObjectSpec;

/**
 * What a downstream node knows about an AutoImplant model before it runs: its role (N1, N2 or
 * completion), input size, width factor, N2 crop margin, training steps and a fingerprint of the
 * data it was trained on. Made from the model file's metadata, so a reader node can configure
 * without loading the network.
 */
public final class ImplantModelPortObjectSpec extends AbstractSimplePortObjectSpec {
    private Role role = Role.N1;
    private int[] input = {0, 0, 0};
    private double width;
    private int margin;
    private long steps;
    private long seed;
    private String dataFingerprint = "";
    private String projectVersion = "";
    private String n2Crops = "";

    /** For KNIME's deserialization; use {@link #of(ModelMetadata)}. */
    public ImplantModelPortObjectSpec() {
    }

    public static ImplantModelPortObjectSpec of(ModelMetadata m) {
        ImplantModelPortObjectSpec s = new ImplantModelPortObjectSpec();
        s.role = m.role();
        s.input = m.getInput().clone();
        s.width = m.getWidth();
        s.margin = m.getMargin();
        s.steps = m.getSteps();
        s.seed = m.getSeed();
        s.dataFingerprint = nonNull(m.getDataFingerprint());
        s.projectVersion = nonNull(m.getProjectVersion());
        s.n2Crops = nonNull(m.getN2Crops());
        return s;
    }

    public Role role() {
        return role;
    }

    public Shape inputShape() {
        return new Shape(input[0], input[1], input[2]);
    }

    public double width() {
        return width;
    }

    public int margin() {
        return margin;
    }

    public long steps() {
        return steps;
    }

    public long seed() {
        return seed;
    }

    public String dataFingerprint() {
        return dataFingerprint;
    }

    public String projectVersion() {
        return projectVersion;
    }

    /** For N2: how its training crops were placed ("n1" or "truth"); empty otherwise. */
    public String n2Crops() {
        return n2Crops;
    }

    /** E.g. "N1 model, input 128×128×64, width 0.25, 2000 steps". */
    public String summary() {
        String r = role == Role.COMPLETION ? "Skull-completion" : role.id().toUpperCase(Locale.ROOT);
        return String.format(Locale.ROOT, "%s model, input %s, width %s, %,d steps%s", r, inputShape(), width, steps,
                role == Role.N2 ? ", margin " + margin : "");
    }

    /** Rows of (property, value) for views and tests. */
    public String[][] properties() {
        return new String[][] {{"Role", role.id()}, {"Input size", inputShape().toString()},
            {"Width factor", Double.toString(width)}, {"Crop margin (N2)", Integer.toString(margin)},
            {"Training steps", Long.toString(steps)}, {"Seed", Long.toString(seed)},
            {"Data fingerprint", dataFingerprint}, {"N2 crops", n2Crops}, {"AutoImplant version", projectVersion}};
    }

    @Override
    protected void save(ModelContentWO model) {
        model.addString("role", role.id());
        model.addIntArray("input", input);
        model.addDouble("width", width);
        model.addInt("margin", margin);
        model.addLong("steps", steps);
        model.addLong("seed", seed);
        model.addString("data_fingerprint", dataFingerprint);
        model.addString("project_version", projectVersion);
        model.addString("n2_crops", n2Crops);
    }

    @Override
    protected void load(ModelContentRO model) throws InvalidSettingsException {
        try {
            role = Role.parse(model.getString("role"));
        } catch (IllegalArgumentException e) {
            throw new InvalidSettingsException(e.getMessage(), e);
        }
        input = model.getIntArray("input");
        if (input.length != 3) {
            throw new InvalidSettingsException("model input size has " + input.length + " values, not 3");
        }
        width = model.getDouble("width");
        margin = model.getInt("margin");
        steps = model.getLong("steps");
        seed = model.getLong("seed", 0);
        dataFingerprint = model.getString("data_fingerprint", "");
        projectVersion = model.getString("project_version", "");
        n2Crops = model.getString("n2_crops", "");
    }

    @Override
    public JComponent[] getViews() {
        return new JComponent[] {ModelViews.properties(this)};
    }

    @Override
    public String toString() {
        return summary() + " " + Arrays.toString(input);
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }

    /** Registered in plugin.xml with the port type. */
    public static final class Serializer extends AbstractSimplePortObjectSpecSerializer<ImplantModelPortObjectSpec> {
    }
}
