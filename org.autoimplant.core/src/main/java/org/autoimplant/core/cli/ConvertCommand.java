package org.autoimplant.core.cli;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.autoimplant.core.io.NrrdEncoding;
import org.autoimplant.core.io.Outputs;
import org.autoimplant.core.io.NrrdTypes;
import org.autoimplant.core.io.NrrdWriteOptions;
import org.autoimplant.core.io.NrrdWriter;
import org.autoimplant.core.volume.Volume;
import org.autoimplant.core.volume.VoxelType;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code autoimplant convert IN OUT}: a NRRD file or DICOM series to NRRD, re-encoded and/or retyped. */
@Command(name = "convert", mixinStandardHelpOptions = true,
        description = {"Write a NRRD file or a DICOM series (folder or file) as NRRD, with another encoding, voxel type"
                + " or byte order.",
            "Geometry and key/value pairs are kept (DICOM: patient coordinates, left-posterior-superior; values in"
                + " Hounsfield units for CT). An OUT ending in .nhdr gets a detached header."},
        footer = {"", "Examples:", "  autoimplant convert skull.nrrd skull-raw.nrrd --encoding raw",
            "  autoimplant convert implant.nrrd implant-u8.nrrd --type uchar --encoding gzip",
            "  autoimplant convert dicom/study-42 head-ct.nrrd --series 3"})
final class ConvertCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "IN", description = "Input NRRD file, or DICOM folder or file.")
    Path in;

    @Mixin
    SeriesOption series;

    @Spec
    CommandSpec spec;

    @Parameters(index = "1", paramLabel = "OUT", description = "Output NRRD file (.nrrd or .nhdr).")
    Path out;

    @Option(names = {"-e", "--encoding"}, defaultValue = "gzip", converter = EncodingConverter.class,
            description = "raw, gzip, bzip2, ascii or hex (default: ${DEFAULT-VALUE}).")
    NrrdEncoding encoding;

    @Option(names = {"-t", "--type"}, converter = TypeConverter.class,
            description = "Output voxel type: int8, uint8/uchar, int16/short, uint16/ushort, int32/int, uint32/uint,"
                    + " int64, uint64, float, double (default: the input's). Integer targets round to nearest"
                    + " and clamp to the type's range.")
    VoxelType type;

    @Option(names = "--endian", defaultValue = "little", description = "little or big (default: ${DEFAULT-VALUE}).")
    String endian;

    @Option(names = "--level", defaultValue = "6",
            description = "gzip level or bzip2 block size, 1-9 (default: ${DEFAULT-VALUE}).")
    int level;

    @Override
    public Integer call() throws Exception {
        ByteOrder order = switch (endian.toLowerCase(Locale.ROOT)) {
            case "little" -> ByteOrder.LITTLE_ENDIAN;
            case "big" -> ByteOrder.BIG_ENDIAN;
            default -> throw new IllegalArgumentException("--endian must be little or big, not '" + endian + "'");
        };
        Outputs.check(java.util.List.of(in), java.util.List.of(out));
        Volume v = series.read(in, spec.commandLine().getOut()).volume();
        if (type != null && type != v.type()) {
            v = v.convert(type);
        }
        NrrdWriter.write(v, out, new NrrdWriteOptions(encoding, order, level));
        return 0;
    }

    static final class EncodingConverter implements ITypeConverter<NrrdEncoding> {
        @Override
        public NrrdEncoding convert(String value) {
            NrrdEncoding e = NrrdEncoding.forName(value);
            if (e == null) {
                throw new TypeConversionException("unknown encoding '" + value + "' (raw, gzip, bzip2, ascii, hex)");
            }
            return e;
        }
    }

    static final class TypeConverter implements ITypeConverter<VoxelType> {
        @Override
        public VoxelType convert(String value) {
            VoxelType t = NrrdTypes.forName(value);
            if (t == null) {
                throw new TypeConversionException("unknown type '" + value + "'");
            }
            return t;
        }
    }
}
