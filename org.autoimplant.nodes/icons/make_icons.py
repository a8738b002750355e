#!/usr/bin/env python3
"""Draws the plugin's 16x16 icons (node icons beside their factories, the category icon here) as
plain RGBA PNGs with the standard library only, so they can be remade anywhere: python3 make_icons.py"""
import math, os, struct, zlib

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, '..', 'src', 'main', 'java', 'org', 'autoimplant', 'nodes')
BONE, IMPLANT, INK, MODEL = (226, 222, 206), (214, 39, 40), (60, 60, 60), (31, 119, 180)


def png(path, px):
    raw = b''.join(b'\x00' + bytes(c for p in row for c in p) for row in px)
    def chunk(t, d):
        return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
    data = (b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', 16, 16, 8, 6, 0, 0, 0))
            + chunk(b'IDAT', zlib.compress(raw, 9)) + chunk(b'IEND', b''))
    with open(path, 'wb') as f:
        f.write(data)


def canvas():
    return [[(0, 0, 0, 0)] * 16 for _ in range(16)]


def put(px, x, y, rgb):
    if 0 <= x < 16 and 0 <= y < 16:
        px[y][x] = rgb + (255,)


def skull(px, defect=False):
    """A skull cap seen from the side: a thick arc; with a defect its top right is the implant."""
    for y in range(16):
        for x in range(16):
            r = math.hypot(x - 7.5, (y - 10) * 1.15)
            if 5.2 <= r <= 7.6 and y <= 11:
                inside_defect = defect and x >= 8 and y <= 5
                put(px, x, y, IMPLANT if inside_defect else BONE)
                if r > 7.0 or r < 5.7:
                    put(px, x, y, tuple(int(c * 0.7) for c in (IMPLANT if inside_defect else BONE)))


def arrow(px, down, colour=INK):
    for i in range(5):
        y = 11 + i if down else 15 - i
        put(px, 12, y, colour)
    tip = 15 if down else 11
    for d in (1, 2):
        put(px, 12 - d, tip - d if down else tip + d, colour)
        put(px, 12 + d, tip - d if down else tip + d, colour)


def network(px):
    """Three layers of nodes joined: a network."""
    for (x, y) in [(2, 3), (2, 7), (7, 1), (7, 5), (7, 9), (12, 5)]:
        for dx in (0, 1):
            for dy in (0, 1):
                put(px, x + dx, y + dy, MODEL)
    for (x0, y0, x1, y1) in [(3, 4, 7, 2), (3, 4, 7, 6), (3, 8, 7, 6), (3, 8, 7, 10), (8, 2, 12, 6), (8, 10, 12, 6)]:
        n = max(abs(x1 - x0), abs(y1 - y0))
        for i in range(n + 1):
            put(px, round(x0 + (x1 - x0) * i / n), round(y0 + (y1 - y0) * i / n), MODEL)


def box(px, x0, y0, x1, y1, rgb, fill=False):
    for y in range(y0, y1 + 1):
        for x in range(x0, x1 + 1):
            if fill or x in (x0, x1) or y in (y0, y1):
                put(px, x, y, rgb)


def letter(px, rows, x0, y0, rgb):
    """A tiny bitmap glyph: rows of '#' and '.'."""
    for dy, row in enumerate(rows):
        for dx, ch in enumerate(row):
            if ch == '#':
                put(px, x0 + dx, y0 + dy, rgb)


GLYPHS = {'1': ['.#', '##', '.#', '.#', '##'], '2': ['##', '.#', '##', '#.', '##'], 'C': ['##', '#.', '#.', '#.', '##']}


def learner(px, g):
    network(px)
    letter(px, GLYPHS[g], 13, 10, IMPLANT)


def predictor(px, g):
    skull(px, True)
    letter(px, GLYPHS[g], 13, 10, MODEL)


def make():
    out = {}
    p = canvas(); skull(p, True); arrow(p, True); out[os.path.join(SRC, 'nrrdreader', 'nrrd-reader.png')] = p
    p = canvas(); skull(p, True); arrow(p, False); out[os.path.join(SRC, 'nrrdwriter', 'nrrd-writer.png')] = p
    p = canvas()
    for i in range(3):  # a stack of slices (a DICOM series), read in
        box(p, 1 + 2 * i, 1 + 2 * i, 9 + 2 * i, 8 + 2 * i, INK)
        box(p, 2 + 2 * i, 2 + 2 * i, 8 + 2 * i, 7 + 2 * i, BONE, True)
    arrow(p, True); out[os.path.join(SRC, 'dicomreader', 'dicom-reader.png')] = p
    p = canvas(); network(p); arrow(p, True); out[os.path.join(SRC, 'modelreader', 'model-reader.png')] = p
    p = canvas(); network(p); arrow(p, False); out[os.path.join(SRC, 'modelwriter', 'model-writer.png')] = p
    p = canvas(); skull(p, False); out[os.path.join(SRC, 'data', 'volume-type.png')] = p
    p = canvas(); skull(p, False); box(p, 1, 12, 14, 14, INK); box(p, 2, 13, 9, 13, BONE, True)
    out[os.path.join(SRC, 'skullextractor', 'skull-extractor.png')] = p
    p = canvas(); skull(p, True); letter(p, ['#.#', '.#.', '#.#'], 12, 12, IMPLANT)
    out[os.path.join(SRC, 'defectinjector', 'defect-injector.png')] = p
    p = canvas(); box(p, 1, 1, 14, 14, INK); box(p, 5, 5, 10, 10, MODEL, True)
    out[os.path.join(SRC, 'resampler', 'downsampler.png')] = p
    p = canvas(); box(p, 5, 5, 10, 10, INK); box(p, 1, 1, 14, 14, MODEL)
    out[os.path.join(SRC, 'resampler', 'upsampler.png')] = p
    for name, g in [('n1-predictor', '1'), ('completion-predictor', 'C')]:
        p = canvas(); predictor(p, g); out[os.path.join(SRC, 'coarsepredictor', name + '.png')] = p
    p = canvas(); predictor(p, '2'); out[os.path.join(SRC, 'n2predictor', 'n2-predictor.png')] = p
    p = canvas(); skull(p, True); box(p, 2, 12, 13, 14, IMPLANT, True)
    out[os.path.join(SRC, 'designer', 'implant-designer.png')] = p
    for name, g in [('n1-learner', '1'), ('n2-learner', '2'), ('completion-learner', 'C')]:
        p = canvas(); learner(p, g); out[os.path.join(SRC, 'learner', name + '.png')] = p
    p = canvas(); skull(p, True); box(p, 6, 0, 15, 7, MODEL)
    out[os.path.join(SRC, 'bboxcropper', 'bbox-cropper.png')] = p
    p = canvas(); box(p, 6, 0, 15, 7, MODEL); box(p, 8, 2, 13, 5, IMPLANT, True)
    out[os.path.join(SRC, 'bboxrestorer', 'bbox-restorer.png')] = p
    p = canvas()
    for i, h in enumerate([6, 10, 13, 8]):
        box(p, 1 + 4 * i, 15 - h, 3 + 4 * i, 15, MODEL if i % 2 else IMPLANT, True)
    out[os.path.join(SRC, 'metrics', 'implant-metrics.png')] = p
    p = canvas()
    for (x0, y0, x1, y1) in [(2, 13, 8, 2), (8, 2, 14, 13), (2, 13, 14, 13), (5, 8, 11, 8)]:
        n = max(abs(x1 - x0), abs(y1 - y0))
        for i in range(n + 1):
            put(p, round(x0 + (x1 - x0) * i / n), round(y0 + (y1 - y0) * i / n), IMPLANT)
    out[os.path.join(SRC, 'stlwriter', 'stl-writer.png')] = p
    p = canvas(); box(p, 3, 1, 12, 14, INK); box(p, 5, 4, 10, 4, MODEL); box(p, 5, 7, 10, 7, MODEL)
    box(p, 5, 10, 8, 12, IMPLANT, True)
    out[os.path.join(SRC, 'report', 'implant-report.png')] = p
    p = canvas(); skull(p, True); out[os.path.join(HERE, 'autoimplant.png')] = p
    for path, px in out.items():
        png(path, px)
        print(os.path.relpath(path, HERE))


if __name__ == '__main__':
    make()
