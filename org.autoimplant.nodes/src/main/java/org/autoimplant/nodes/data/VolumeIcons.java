package org.autoimplant.nodes.data;

import java.net.URL;
import javax.swing.Icon;
import javax.swing.ImageIcon;

/** The column-header icon of volume columns (a 16×16 PNG beside this class). */
final class VolumeIcons {
    static final Icon TYPE = load("volume-type.png");

    private VolumeIcons() {
    }

    private static Icon load(String name) {
        URL url = VolumeIcons.class.getResource(name);
        return url == null ? null : new ImageIcon(url);
    }
}
