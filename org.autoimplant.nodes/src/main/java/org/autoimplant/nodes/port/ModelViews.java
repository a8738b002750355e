package org.autoimplant.nodes.port;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import javax.swing.ImageIcon;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import org.autoimplant.core.report.Charts;

/**
 * The model port's views: its metadata as a two-column table, and the training loss per step as
 * a picture (the report's loss chart). Built only when KNIME's UI asks for them.
 */
final class ModelViews {
    /** Moving-average window of the loss curve, as in the HTML report. */
    private static final int LOSS_WINDOW = 50;

    private ModelViews() {
    }

    static JComponent properties(ImplantModelPortObjectSpec spec) {
        JTable t = new JTable(spec.properties(), new String[] {"Property", "Value"});
        t.setEnabled(false);
        JScrollPane p = new JScrollPane(t);
        p.setName("Model");
        return p;
    }

    static JComponent lossCurve(ImplantModelPortObject po) {
        JLabel l;
        try {
            List<Double> losses = po.metadata().getLosses();
            l = losses.isEmpty() ? new JLabel("No training steps recorded in this model.", SwingConstants.CENTER)
                    : new JLabel(new ImageIcon(lossCurvePng(po.getSpec().role().id(), losses)));
        } catch (IOException e) {
            l = new JLabel("Cannot read the loss history: " + e.getMessage(), SwingConstants.CENTER);
        }
        JScrollPane p = new JScrollPane(l);
        p.setName("Training loss");
        return p;
    }

    /** The loss chart as PNG bytes. */
    static byte[] lossCurvePng(String name, List<Double> losses) throws IOException {
        return Charts.lossCurves(Map.of(name, losses), LOSS_WINDOW);
    }
}
