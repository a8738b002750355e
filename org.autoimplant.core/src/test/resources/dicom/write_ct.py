#!/usr/bin/env python3
"""Writes a CT volume as a DICOM series with pydicom, as a scanner exports one (unsigned 16-bit,
Rescale Intercept -1024, one file per slice, shuffled names), for the end-to-end design tests.

  write_ct.py RAW_INT16_LE NX NY NZ SX SY SZ OX OY OZ OUT_DIR

RAW holds HU values, x fastest. Axis-aligned LPS: rows run along +y, columns along +x, slices along +z.
"""
import os, random, sys
import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

raw, out = sys.argv[1], sys.argv[11]
nx, ny, nz = (int(v) for v in sys.argv[2:5])
sx, sy, sz, ox, oy, oz = (float(v) for v in sys.argv[5:11])
hu = np.fromfile(raw, dtype="<i2").reshape(nz, ny, nx)
os.makedirs(out, exist_ok=True)
study, series = generate_uid(), generate_uid()
names = random.Random(3).sample(range(10**6), nz)
for k in range(nz):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.2"
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID, ds.SOPInstanceUID = meta.MediaStorageSOPClassUID, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientName, ds.PatientID = "CT", "Phantom^Head", "0001"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SeriesNumber = study, series, 2
    ds.SeriesDescription, ds.InstanceNumber = "Head phantom", nz - k
    ds.ImagePositionPatient = [ox, oy, oz + k * sz]
    ds.ImageOrientationPatient = [1, 0, 0, 0, 1, 0]
    ds.PixelSpacing = [sy, sx]
    ds.SliceThickness = sz
    ds.Rows, ds.Columns = ny, nx
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 12, 11, 0
    ds.RescaleIntercept, ds.RescaleSlope = -1024, 1
    ds.PixelData = (hu[k].astype(np.int32) + 1024).clip(0, 4095).astype("<u2").tobytes()
    ds.save_as(os.path.join(out, "IM%06d" % names[k]), write_like_original=False)
