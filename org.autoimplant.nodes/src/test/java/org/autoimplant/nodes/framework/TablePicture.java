package org.autoimplant.nodes.framework;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.swing.SwingUtilities;
import org.autoimplant.core.nodecore.Choices;
import org.autoimplant.core.nodecore.nrrdreader.NrrdReaderSettings.Source;
import org.autoimplant.nodes.data.VolumeCells;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeFactory;
import org.autoimplant.nodes.nrrdreader.NrrdReaderNodeSettings;
import org.knime.core.node.BufferedDataTable;
import org.knime.core.node.tableview.TableView;
import org.knime.core.node.workflow.NodeID;
import org.knime.core.node.workflow.WorkflowManager;

/**
 * The README's picture of a table with volume thumbnails: an NRRD Reader on a dataset folder,
 * executed by KNIME, its output shown in KNIME's own (classic) table view with our renderer,
 * painted off-screen (KNIME's UI cannot run here). Entry point for knime.headless.Launcher --main:
 * DATASET_DIR OUT.png [ROWS].
 */
public final class TablePicture {
    private TablePicture() {
    }

    public static int run(String[] args) throws Exception {
        Path data = Path.of(args[0]).toAbsolutePath();
        Path png = Path.of(args[1]).toAbsolutePath();
        int rows = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("autoimplant-table-picture");
        Workflows w = Workflows.create("table-picture", dir);
        NrrdReaderNodeSettings s = new NrrdReaderNodeSettings();
        s.source.setStringValue(Choices.id(Source.PAIRED));
        s.folder.setStringValue(data.toString());
        NodeID reader = w.add(NrrdReaderNodeFactory.class, 0, 0, s);
        WorkflowManager m = w.manager();
        if (!m.executeAllAndWaitUntilDone()) {
            System.err.println(m.printNodeSummary(m.getID(), 0));
            return 1;
        }
        BufferedDataTable t = (BufferedDataTable) m.getNodeContainer(reader).getOutPort(1).getPortObject();
        BufferedImage[] out = new BufferedImage[1];
        SwingUtilities.invokeAndWait(() -> out[0] = paint(t, rows));
        ImageIO.write(out[0], "png", png.toFile());
        WorkflowManager.ROOT.removeProject(m.getID());
        Workflows.delete(dir);
        System.out.println("[table-picture] " + png + " (" + out[0].getWidth() + "×" + out[0].getHeight() + ")");
        return 0;
    }

    private static BufferedImage paint(BufferedDataTable t, int rows) {
        TableView view = new TableView(t);
        int rowHeight = VolumeCells.THUMBNAIL_SIZE + 6;
        view.setRowHeight(rowHeight);
        view.getContentTable().setAutoResizeMode(javax.swing.JTable.AUTO_RESIZE_OFF);
        int[] widths = {60, 50, 400, 390, 400, 100, 190, 120};
        for (int c = 0; c < Math.min(widths.length - 1, view.getContentTable().getColumnCount()); c++) {
            view.getContentTable().getColumnModel().getColumn(c).setPreferredWidth(widths[c + 1]);
        }
        int width = 0;
        for (int c = 0; c < view.getContentTable().getColumnCount(); c++) {
            width += view.getContentTable().getColumnModel().getColumn(c).getPreferredWidth();
        }
        width += 80;
        int height = 30 + rows * rowHeight;
        view.setSize(width, height);
        view.doLayout();
        layoutAll(view);
        // Off-screen, the scroll pane's header viewport gets no height: paint the header row above.
        javax.swing.table.JTableHeader header = view.getContentTable().getTableHeader();
        int headerHeight = header.getPreferredSize().height;
        header.setSize(width - view.getRowHeader().getWidth(), headerHeight);
        layoutAll(header);
        BufferedImage img = new BufferedImage(width, height + headerHeight, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setColor(java.awt.Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        Graphics2D h = (Graphics2D) g.create(view.getRowHeader().getWidth(), 0, width, headerHeight);
        header.printAll(h);
        h.dispose();
        Graphics2D b = (Graphics2D) g.create(0, headerHeight, width, height);
        view.printAll(b);
        b.dispose();
        g.dispose();
        return img;
    }

    private static void layoutAll(java.awt.Container c) {
        c.doLayout();
        for (java.awt.Component k : c.getComponents()) {
            if (k instanceof java.awt.Container cc) {
                layoutAll(cc);
            }
        }
    }
}
