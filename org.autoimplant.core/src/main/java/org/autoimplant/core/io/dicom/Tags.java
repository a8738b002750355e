package org.autoimplant.core.io.dicom;

import java.util.Locale;
import java.util.Map;

/** The DICOM attributes the reader uses, as (group << 16 | element), with the VRs implicit-VR files need. */
final class Tags {
    static final int TRANSFER_SYNTAX_UID = 0x00020010;
    static final int MEDIA_STORAGE_SOP_CLASS_UID = 0x00020002;
    static final int SOP_CLASS_UID = 0x00080016;
    static final int MODALITY = 0x00080060;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int SLICE_THICKNESS = 0x00180050;
    static final int GANTRY_TILT = 0x00181120;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int SERIES_NUMBER = 0x00200011;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int IMAGE_POSITION_PATIENT = 0x00200032;
    static final int IMAGE_ORIENTATION_PATIENT = 0x00200037;
    static final int SAMPLES_PER_PIXEL = 0x00280002;
    static final int PHOTOMETRIC_INTERPRETATION = 0x00280004;
    static final int PLANAR_CONFIGURATION = 0x00280006;
    static final int NUMBER_OF_FRAMES = 0x00280008;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;
    static final int PIXEL_SPACING = 0x00280030;
    static final int BITS_ALLOCATED = 0x00280100;
    static final int BITS_STORED = 0x00280101;
    static final int HIGH_BIT = 0x00280102;
    static final int PIXEL_REPRESENTATION = 0x00280103;
    static final int PIXEL_PADDING_VALUE = 0x00280120;
    static final int RESCALE_INTERCEPT = 0x00281052;
    static final int RESCALE_SLOPE = 0x00281053;
    static final int DIRECTORY_RECORD_SEQUENCE = 0x00041220;
    static final int SHARED_FUNCTIONAL_GROUPS = 0x52009229;
    static final int PER_FRAME_FUNCTIONAL_GROUPS = 0x52009230;
    static final int PLANE_POSITION_SEQUENCE = 0x00209113;
    static final int PLANE_ORIENTATION_SEQUENCE = 0x00209116;
    static final int PIXEL_MEASURES_SEQUENCE = 0x00289110;
    static final int PIXEL_VALUE_TRANSFORMATION_SEQUENCE = 0x00289145;
    static final int PIXEL_DATA = 0x7FE00010;
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

    /** VRs for implicit-VR datasets (anything else is read as bytes; sequences are parsed on demand). */
    static final Map<Integer, String> VR = Map.ofEntries(
            Map.entry(TRANSFER_SYNTAX_UID, "UI"), Map.entry(SOP_CLASS_UID, "UI"), Map.entry(MODALITY, "CS"),
            Map.entry(SERIES_INSTANCE_UID, "UI"), Map.entry(SERIES_NUMBER, "IS"), Map.entry(INSTANCE_NUMBER, "IS"),
            Map.entry(IMAGE_POSITION_PATIENT, "DS"), Map.entry(IMAGE_ORIENTATION_PATIENT, "DS"),
            Map.entry(SLICE_THICKNESS, "DS"), Map.entry(GANTRY_TILT, "DS"), Map.entry(PIXEL_SPACING, "DS"),
            Map.entry(RESCALE_INTERCEPT, "DS"), Map.entry(RESCALE_SLOPE, "DS"), Map.entry(NUMBER_OF_FRAMES, "IS"),
            Map.entry(SAMPLES_PER_PIXEL, "US"), Map.entry(PLANAR_CONFIGURATION, "US"), Map.entry(ROWS, "US"),
            Map.entry(COLUMNS, "US"), Map.entry(BITS_ALLOCATED, "US"), Map.entry(BITS_STORED, "US"),
            Map.entry(HIGH_BIT, "US"), Map.entry(PIXEL_REPRESENTATION, "US"), Map.entry(PIXEL_PADDING_VALUE, "XS"),
            Map.entry(DIRECTORY_RECORD_SEQUENCE, "SQ"), Map.entry(SHARED_FUNCTIONAL_GROUPS, "SQ"),
            Map.entry(PER_FRAME_FUNCTIONAL_GROUPS, "SQ"), Map.entry(PLANE_POSITION_SEQUENCE, "SQ"),
            Map.entry(PLANE_ORIENTATION_SEQUENCE, "SQ"), Map.entry(PIXEL_MEASURES_SEQUENCE, "SQ"),
            Map.entry(PIXEL_VALUE_TRANSFORMATION_SEQUENCE, "SQ"), Map.entry(PIXEL_DATA, "OW"));

    private Tags() {
    }

    static String format(int tag) {
        return String.format(Locale.ROOT, "(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }
}
