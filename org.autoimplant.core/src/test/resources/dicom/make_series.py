#!/usr/bin/env python3
"""Writes a synthetic CT series with pydicom, the independent truth for the DICOM reader tests.

  make_series.py OUT_DIR [--slices N] [--series-number S] [--uid-seed K] [--enhanced] [--tilt DEG]

Voxel (i, j, k) of the volume (i across columns, j down rows, k along the sorted slices) holds
HU(i, j, k) = ((7 * i + 13 * j + 31 * k) % 2001) - 1000, stored as signed 16-bit with Rescale Slope 1
and Intercept -24 (stored = HU + 24), one file per slice named at random, slices written in a
shuffled order with Instance Numbers that do not follow the positions. The orientation is oblique
(rotated 20 degrees about z and 10 about x); pixel spacing 0.7 (rows) x 0.6 (columns) mm; slices
1.25 mm apart along the normal (with --tilt, shifted along the column direction as a tilted gantry
does). --enhanced writes one multi-frame Enhanced CT file instead. Prints the geometry as JSON.
"""
import argparse, json, math, os, random
import numpy as np
import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--slices", type=int, default=12)
p.add_argument("--rows", type=int, default=32)
p.add_argument("--columns", type=int, default=40)
p.add_argument("--series-number", type=int, default=3)
p.add_argument("--uid-seed", type=int, default=1)
p.add_argument("--enhanced", action="store_true")
p.add_argument("--tilt", type=float, default=0.0)
p.add_argument("--modality", default="CT")
a = p.parse_args()
os.makedirs(a.out, exist_ok=True)
rng = random.Random(a.uid_seed)

def rot(ax, deg):
    c, s = math.cos(math.radians(deg)), math.sin(math.radians(deg))
    if ax == "z":
        return np.array([[c, -s, 0], [s, c, 0], [0, 0, 1]])
    return np.array([[1, 0, 0], [0, c, -s], [0, s, c]])

R = rot("z", 20) @ rot("x", 10)
row_dir, col_dir = R[:, 0], R[:, 1]          # along columns index i, along rows index j
normal = np.cross(row_dir, col_dir)
spacing_rows, spacing_cols, step = 0.7, 0.6, 1.25
origin = np.array([-120.5, -95.25, 40.0])
shift = math.tan(math.radians(a.tilt)) * step  # tilt: each slice moves along the column direction

def hu(k):
    i = np.arange(a.columns)[None, :]
    j = np.arange(a.rows)[:, None]
    return ((7 * i + 13 * j + 31 * k) % 2001) - 1000

def position(k):
    return origin + k * step * normal + k * shift * col_dir

study, series = generate_uid(entropy_srcs=[f"study{a.uid_seed}"]), generate_uid(entropy_srcs=[f"series{a.uid_seed}{a.series_number}"])

def base(sop_class):
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = sop_class
    meta.MediaStorageSOPInstanceUID = generate_uid()
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID, ds.SOPInstanceUID = sop_class, meta.MediaStorageSOPInstanceUID
    ds.Modality, ds.PatientName, ds.PatientID = a.modality, "Phantom^Test", "0000"
    ds.StudyInstanceUID, ds.SeriesInstanceUID, ds.SeriesNumber = study, series, a.series_number
    ds.SeriesDescription = "Synthetic head %d" % a.series_number
    ds.Rows, ds.Columns = a.rows, a.columns
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 16, 16, 15, 1
    return ds

iop = [float(x) for x in list(row_dir) + list(col_dir)]
if a.enhanced:
    ds = base("1.2.840.10008.5.1.4.1.1.2.1")
    ds.NumberOfFrames = a.slices
    shared = Dataset()
    pm = Dataset(); pm.PixelSpacing = [spacing_rows, spacing_cols]; pm.SliceThickness = step
    po = Dataset(); po.ImageOrientationPatient = iop
    vt = Dataset(); vt.RescaleIntercept, vt.RescaleSlope, vt.RescaleType = -24, 1, "HU"
    shared.PixelMeasuresSequence, shared.PlaneOrientationSequence = Sequence([pm]), Sequence([po])
    shared.PixelValueTransformationSequence = Sequence([vt])
    ds.SharedFunctionalGroupsSequence = Sequence([shared])
    order = list(range(a.slices)); rng.shuffle(order)
    frames = []
    for k in order:
        f = Dataset(); pp = Dataset(); pp.ImagePositionPatient = [float(x) for x in position(k)]
        f.PlanePositionSequence = Sequence([pp]); frames.append(f)
    ds.PerFrameFunctionalGroupsSequence = Sequence(frames)
    ds.PixelData = np.stack([(hu(k) + 24).astype(np.int16) for k in order]).tobytes()
    ds.save_as(os.path.join(a.out, "enhanced.dcm"), write_like_original=False)
else:
    order = list(range(a.slices)); rng.shuffle(order)
    for n, k in enumerate(order):
        ds = base("1.2.840.10008.5.1.4.1.1.2")
        ds.InstanceNumber = n + 1
        ds.ImagePositionPatient = [float(x) for x in position(k)]
        ds.ImageOrientationPatient = iop
        ds.PixelSpacing = [spacing_rows, spacing_cols]
        ds.SliceThickness = 2.0  # deliberately not the spacing: the reader must measure positions
        ds.RescaleIntercept, ds.RescaleSlope = -24, 1
        ds.PixelData = (hu(k) + 24).astype(np.int16).tobytes()
        ds.save_as(os.path.join(a.out, "%08x" % rng.getrandbits(32)), write_like_original=False)

third = step * normal + shift * col_dir
print(json.dumps({"directions": [list(row_dir * spacing_cols), list(col_dir * spacing_rows), list(third)],
                  "origin": list(origin), "series": series, "sizes": [a.columns, a.rows, a.slices]}))
