#!/usr/bin/env python3
"""Draws a KNIME workflow as an SVG picture from its saved files alone (workflow.knime, each node's
settings.xml, the nodes' icons and types from our plugin sources), for the README: no KNIME UI can
draw here. Nodes sit where KNIME places them, coloured by node type as KNIME colours them, with
their ports, connections, names and the workflow's annotations and variables.

Usage: diagram.py WORKFLOW_DIR OUT.svg   (standard library only)
"""
import base64
import html
import pathlib
import re
import sys
import textwrap
import xml.etree.ElementTree as ET

NS = {"k": "http://www.knime.org/2008/09/XMLConfig"}
SRC = pathlib.Path(__file__).resolve().parent.parent / "org.autoimplant.nodes/src/main/java"
# KNIME's node-type colours (classic UI).
COLOURS = {"Source": "#f1933b", "Sink": "#d64343", "Learner": "#b4d334", "Predictor": "#3eb6d1",
           "Manipulator": "#ffd43b", "Visualizer": "#3a6faf", "Other": "#3e9cd6"}
BOX = 32  # KNIME's node figure


def config(el, key):
    return el.find(f"k:config[@key='{key}']", NS)


def entry(el, key):
    e = el.find(f"k:entry[@key='{key}']", NS)
    return None if e is None else e.get("value")


def factory_info(factory):
    """Icon (base64 PNG), node type and port counts from the factory's description XML."""
    path = SRC / (factory.replace(".", "/") + ".xml")
    text = path.read_text(encoding="utf-8")
    icon = re.search(r'icon="\./([^"]+)"', text).group(1)
    kind = re.search(r'type="([A-Za-z]+)"', text).group(1)
    ins = len(re.findall(r"<inPort\b", text))
    outs = len(re.findall(r"<outPort\b", text))
    png = (path.parent / icon).read_bytes()
    return base64.b64encode(png).decode(), kind, ins, outs


def port_y(y, index, count):
    """Vertical centre of port `index` (0-based) of `count`, spread over the node figure as KNIME does."""
    if count <= 1:
        return y + BOX / 2
    return y + 4 + index * (BOX - 8) / (count - 1)


def main(workflow, out):
    wf = pathlib.Path(workflow)
    root = ET.parse(wf / "workflow.knime").getroot()
    nodes = {}
    for n in config(root, "nodes"):
        nid = int(entry(n, "id"))
        settings_file = entry(n, "node_settings_file")
        bounds = config(config(n, "ui_settings"), "extrainfo.node.bounds")
        x, y = int(entry(bounds, "0")), int(entry(bounds, "1"))
        s = ET.parse(wf / settings_file).getroot()
        icon, kind, ins, outs = factory_info(entry(s, "factory"))
        name = re.sub(r" \(#\d+\)$", "", settings_file.split("/")[0])
        nodes[nid] = dict(x=x, y=y, name=name, icon=icon, kind=kind, ins=ins, outs=outs)
    connections = [(int(entry(c, "sourceID")), int(entry(c, "sourcePort")), int(entry(c, "destID")),
                    int(entry(c, "destPort"))) for c in config(root, "connections")]
    notes = []
    for a in config(root, "annotations"):
        notes.append(dict(x=int(entry(a, "x-coordinate")), y=int(entry(a, "y-coordinate")),
                          w=int(entry(a, "width")), h=int(entry(a, "height")), text=entry(a, "text")))
    variables = [(entry(v, "name"), entry(v, "value")) for v in config(root, "workflow_variables")]

    xs = [n["x"] for n in nodes.values()] + [a["x"] for a in notes] + [a["x"] + a["w"] for a in notes]
    ys = [n["y"] for n in nodes.values()] + [a["y"] for a in notes] + [a["y"] + a["h"] for a in notes]
    x0, y0 = min(xs) - 40, min(ys) - 50
    width, height = max(xs) + 120 - x0, max(ys) + 60 - y0 + 18 * ((len(variables) + 2) // 3) + 20
    title = entry(root, "name")
    svg = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="{x0} {y0} {width} {height}" width="{width}" '
           f'height="{height}" font-family="Helvetica, Arial, sans-serif">',
           f'<rect x="{x0}" y="{y0}" width="{width}" height="{height}" fill="#ffffff"/>',
           f'<text x="{x0 + 12}" y="{y0 + 22}" font-size="15" font-weight="bold">{html.escape(title)}</text>']
    for a in notes:
        svg.append(f'<rect x="{a["x"]}" y="{a["y"]}" width="{a["w"]}" height="{a["h"]}" fill="#fff6e6" '
                   f'stroke="#d9a066"/>')
        # Plain <text> lines (wrapped at about 5.6 px per character of 11 px Helvetica): viewers that
        # show SVG as an image do not all render HTML inside it.
        for i, line in enumerate(textwrap.wrap(a["text"], max(10, int((a["w"] - 10) / 5.6)))):
            svg.append(f'<text x="{a["x"] + 5}" y="{a["y"] + 14 + 13 * i}" font-size="11">{html.escape(line)}</text>')
    for s, sp, d, dp in connections:
        a, b = nodes[s], nodes[d]
        ax, ay = a["x"] + BOX + 4, port_y(a["y"], sp - 1, a["outs"])
        bx, by = b["x"] - 4, port_y(b["y"], dp - 1, b["ins"])
        mid = max(30, (bx - ax) / 2)
        svg.append(f'<path d="M{ax},{ay} C{ax + mid},{ay} {bx - mid},{by} {bx},{by}" fill="none" stroke="#444" '
                   f'stroke-width="1.2"/>')
    for n in nodes.values():
        x, y = n["x"], n["y"]
        svg.append(f'<rect x="{x}" y="{y}" width="{BOX}" height="{BOX}" rx="5" fill="{COLOURS.get(n["kind"], "#ccc")}" '
                   f'stroke="#333" stroke-width="0.8"/>')
        svg.append(f'<image x="{x + 4}" y="{y + 4}" width="24" height="24" '
                   f'href="data:image/png;base64,{n["icon"]}"/>')
        for i in range(n["ins"]):
            svg.append(f'<path d="M{x - 5},{port_y(y, i, n["ins"]) - 3.5} l5,3.5 l-5,3.5 z" fill="#222"/>')
        for i in range(n["outs"]):
            svg.append(f'<path d="M{x + BOX},{port_y(y, i, n["outs"]) - 3.5} l5,3.5 l-5,3.5 z" fill="#222"/>')
        svg.append(f'<text x="{x + BOX / 2}" y="{y + BOX + 14}" font-size="11" text-anchor="middle">'
                   f'{html.escape(n["name"])}</text>')
    vy = max(ys) + 70
    svg.append(f'<text x="{x0 + 12}" y="{vy}" font-size="12" font-weight="bold">Workflow variables</text>')
    for i, (k, v) in enumerate(variables):
        svg.append(f'<text x="{x0 + 12 + (i % 3) * 420}" y="{vy + 18 * (1 + i // 3)}" font-size="11" '
                   f'font-family="monospace">{html.escape(k)} = {html.escape(v)}</text>')
    svg.append("</svg>")
    tmp = pathlib.Path(out + ".tmp")
    tmp.write_text("\n".join(svg) + "\n", encoding="utf-8")
    tmp.replace(out)


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
