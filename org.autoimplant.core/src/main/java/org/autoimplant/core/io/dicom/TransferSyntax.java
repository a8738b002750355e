package org.autoimplant.core.io.dicom;

/**
 * The transfer syntaxes the reader knows: how the dataset is encoded (VR explicit or not, byte
 * order, deflate) and how the pixel data is (native or compressed by a codec, which we decode or
 * name in a clear error).
 */
enum TransferSyntax {
    IMPLICIT_LE("1.2.840.10008.1.2", "Implicit VR Little Endian", false, false, false, Codec.NATIVE),
    EXPLICIT_LE("1.2.840.10008.1.2.1", "Explicit VR Little Endian", true, false, false, Codec.NATIVE),
    DEFLATED_LE("1.2.840.10008.1.2.1.99", "Deflated Explicit VR Little Endian", true, false, true, Codec.NATIVE),
    EXPLICIT_BE("1.2.840.10008.1.2.2", "Explicit VR Big Endian", true, true, false, Codec.NATIVE),
    RLE("1.2.840.10008.1.2.5", "RLE Lossless", true, false, false, Codec.RLE),
    JPEG_BASELINE("1.2.840.10008.1.2.4.50", "JPEG Baseline (lossy)", true, false, false, Codec.JPEG),
    JPEG_EXTENDED("1.2.840.10008.1.2.4.51", "JPEG Extended (lossy, 12 bit)", true, false, false, Codec.NONE),
    JPEG_LOSSLESS("1.2.840.10008.1.2.4.57", "JPEG Lossless (process 14)", true, false, false, Codec.JPEG),
    JPEG_LOSSLESS_SV1("1.2.840.10008.1.2.4.70", "JPEG Lossless (process 14, selection value 1)", true, false, false,
            Codec.JPEG),
    JPEG_LS_LOSSLESS("1.2.840.10008.1.2.4.80", "JPEG-LS Lossless", true, false, false, Codec.NONE),
    JPEG_LS_NEAR("1.2.840.10008.1.2.4.81", "JPEG-LS Near-Lossless", true, false, false, Codec.NONE),
    JPEG_2000_LOSSLESS("1.2.840.10008.1.2.4.90", "JPEG 2000 Lossless", true, false, false, Codec.JPEG_2000),
    JPEG_2000("1.2.840.10008.1.2.4.91", "JPEG 2000", true, false, false, Codec.JPEG_2000);

    /** How pixel data is stored; NONE: compressed by a codec no library on Maven Central decodes for us. */
    enum Codec {
        NATIVE, RLE, JPEG, JPEG_2000, NONE
    }

    final String uid;
    final String title;
    final boolean explicitVr;
    final boolean bigEndian;
    final boolean deflated;
    final Codec codec;

    TransferSyntax(String uid, String title, boolean explicitVr, boolean bigEndian, boolean deflated, Codec codec) {
        this.uid = uid;
        this.title = title;
        this.explicitVr = explicitVr;
        this.bigEndian = bigEndian;
        this.deflated = deflated;
        this.codec = codec;
    }

    boolean encapsulated() {
        return codec != Codec.NATIVE;
    }

    /** The syntax of {@code uid}, or null when it is not one of ours (then: explicit VR LE, encapsulated). */
    static TransferSyntax of(String uid) {
        for (TransferSyntax t : values()) {
            if (t.uid.equals(uid)) {
                return t;
            }
        }
        return null;
    }
}
