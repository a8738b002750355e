package org.autoimplant.nodes.framework;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.autoimplant.nodes.data.VolumeCell;
import org.autoimplant.nodes.data.VolumeThumbnailRenderer;
import org.autoimplant.nodes.data.VolumeValue;
import org.autoimplant.nodes.port.ImplantModelPortObject;
import org.autoimplant.nodes.port.ImplantModelPortObjectSpec;
import org.junit.jupiter.api.Test;
import org.knime.core.data.DataColumnSpecCreator;
import org.knime.core.data.DataTypeRegistry;
import org.knime.core.data.renderer.DataValueRendererFamily;
import org.knime.core.node.port.PortType;
import org.knime.core.node.port.PortTypeRegistry;

/** Our data type, renderer and port type as KNIME's registries see them through plugin.xml. */
class TypesTest {
    @Test
    void volumeCellIsARegisteredDataType() {
        DataTypeRegistry r = DataTypeRegistry.getInstance();
        assertTrue(r.getSerializer(VolumeCell.class).isPresent(), "no serializer registered for VolumeCell");
        assertInstanceOf(VolumeCell.Serializer.class, r.getSerializer(VolumeCell.class).get());
        assertEquals(VolumeValue.class, VolumeCell.TYPE.getPreferredValueClass());
        assertEquals("Volume", VolumeCell.TYPE.getName());
        // Found through the org.knime.core.DataType extension (how KNIME loads cells of saved tables).
        assertEquals(VolumeCell.class, r.getCellClass(VolumeCell.class.getName()).orElse(null));
        assertEquals(VolumeValue.class, r.getValueClass(VolumeValue.class.getName()).orElse(null));
    }

    @Test
    void thumbnailIsTheDefaultRenderer() {
        DataValueRendererFamily f = VolumeCell.TYPE.getRenderer(new DataColumnSpecCreator("v", VolumeCell.TYPE)
                .createSpec());
        assertEquals("Thumbnail", f.getRendererDescriptions()[0], "renderers: " + String.join(", ",
                f.getRendererDescriptions()));
        f.setActiveRenderer("Thumbnail");
        assertInstanceOf(VolumeThumbnailRenderer.class, f.getRendererComponent(null));
    }

    @Test
    void modelPortIsARegisteredPortType() {
        PortType t = ImplantModelPortObject.TYPE;
        assertEquals("AutoImplant Model", t.getName());
        assertEquals(ImplantModelPortObjectSpec.class, t.getPortObjectSpecClass());
        assertTrue(PortTypeRegistry.getInstance().availablePortTypes().contains(t));
        assertTrue(PortTypeRegistry.getInstance().getObjectSerializer(ImplantModelPortObject.class).isPresent());
        assertTrue(PortTypeRegistry.getInstance().getSpecSerializer(ImplantModelPortObjectSpec.class).isPresent());
    }
}
