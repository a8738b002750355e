#!/usr/bin/env bash
# Reading a 512×512×300 CT series, uncompressed and JPEG lossless (SV1), with AutoImplant against
# pydicom (reading every file and stacking the volume) and against dcmtk / gdcm decompressing the
# same files, in one run. Needs Debian's python3-pydicom, python3-numpy, python3-gdcm, dcmtk,
# libgdcm-tools. Build first: mvn -DskipTests package.
#
#   bench/dicom-read.sh [WORK_DIR]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mkdir -p "${1:-/tmp/autoimplant-dicom-bench}" && cd "${1:-/tmp/autoimplant-dicom-bench}" && pwd)
py=python3; $py -c "import pydicom, numpy" 2>/dev/null || py=/usr/bin/python3
ai="$here/autoimplant"
if [ ! -d "$work/raw" ]; then
  "$py" "$here/org.autoimplant.core/src/test/resources/dicom/make_series.py" "$work/raw" --rows 512 --columns 512 \
    --slices 300 > /dev/null
fi
if [ ! -d "$work/jpeg" ]; then
  mkdir -p "$work/jpeg"
  for f in "$work"/raw/*; do dcmcjpeg +e1 "$f" "$work/jpeg/$(basename "$f")"; done
fi
echo "series: $(ls "$work/raw" | wc -l) files, $(du -sh "$work/raw" | cut -f1) uncompressed, $(du -sh "$work/jpeg" | cut -f1) JPEG lossless"
t() { local s=$(date +%s.%N); "$@" > /dev/null 2>&1; awk -v a="$s" -v b="$(date +%s.%N)" 'BEGIN { printf "%.2f", b - a }'; }
for kind in raw jpeg; do
  dir=$work/$kind
  ours=$(t "$ai" convert "$dir" "$work/ours-$kind.nrrd" --encoding raw)
  pyd=$(t "$py" -c "
import sys, glob, numpy as np, pydicom
ds = [pydicom.dcmread(f) for f in glob.glob(sys.argv[1] + '/*')]
n = [float(x) for x in np.cross(ds[0].ImageOrientationPatient[:3], ds[0].ImageOrientationPatient[3:])]
ds.sort(key=lambda d: float(np.dot(n, [float(v) for v in d.ImagePositionPatient])))
v = np.stack([d.pixel_array * float(d.RescaleSlope) + float(d.RescaleIntercept) for d in ds]).astype(np.int16)
" "$dir")
  if [ $kind = raw ]; then
    conv=$(t bash -c "mkdir -p '$work/out'; for f in '$dir'/*; do dcmconv +te \"\$f\" '$work/out/x'; done")
    gd=$(t bash -c "for f in '$dir'/*; do gdcmconv --raw \"\$f\" '$work/out/y'; done")
    echo "$kind: AutoImplant convert (read + write NRRD) ${ours} s | pydicom read + stack ${pyd} s | dcmconv per file ${conv} s | gdcmconv --raw per file ${gd} s"
  else
    dj=$(t bash -c "mkdir -p '$work/out'; for f in '$dir'/*; do dcmdjpeg \"\$f\" '$work/out/x'; done")
    gd=$(t bash -c "for f in '$dir'/*; do gdcmconv --raw \"\$f\" '$work/out/y'; done")
    echo "$kind: AutoImplant convert (read + write NRRD) ${ours} s | pydicom read + stack ${pyd} s | dcmdjpeg per file ${dj} s | gdcmconv --raw per file ${gd} s"
  fi
done
cmp "$work/ours-raw.nrrd" "$work/ours-jpeg.nrrd" && echo "both series give the same NRRD, byte for byte"
