#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks of the files in data/ that no validator covers.

  check-data.py screenshots METAINFO SCREENSHOT_DIR
      every screenshot the metainfo names is a PNG in data/screenshots,
      at least 624x351 (appstream-glib's minimum), and there is a default one
  check-data.py icons APP_SVG SYMBOLIC_SVG [XMLLINT]
      both icons are well-formed SVG (xmllint when given), vector only, on
      the 128 px / 16 px grid; the symbolic one uses the one colour #2e3436
  check-data.py mime MIME_XML DESKTOP_FILE [UPDATE_MIME_DATABASE]
      the MIME type is declared with its glob, the desktop file claims it,
      and update-mime-database (when given) accepts the file

Exit status 0 on success, 1 with one FAIL line per problem.
"""

import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

SCREENSHOT_BASE = "https://raw.githubusercontent.com/daftari/daftari/main/data/screenshots/"
SVG = "{http://www.w3.org/2000/svg}"
MIME_NS = "{http://www.freedesktop.org/standards/shared-mime-info}"
BOOK_TYPE = "application/x-daftari-book"
BOOK_GLOB = "*.daftari"


def png_size(path):
    with open(path, "rb") as f:
        head = f.read(24)
    if len(head) < 24 or head[:8] != b"\x89PNG\r\n\x1a\n" or head[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", head[16:24])


def check_screenshots(metainfo, folder):
    errors = []
    root = ET.parse(metainfo).getroot()
    shots = root.findall("./screenshots/screenshot")
    if not shots:
        errors.append("the metainfo has no screenshots")
    if sum(1 for s in shots if s.get("type") == "default") != 1:
        errors.append("exactly one screenshot must be type=\"default\"")
    for shot in shots:
        if not (shot.findtext("caption") or "").strip():
            errors.append("a screenshot has no caption")
        for image in shot.findall("image"):
            url = (image.text or "").strip()
            if not url.startswith(SCREENSHOT_BASE):
                errors.append("screenshot %s is not under %s"
                              % (url, SCREENSHOT_BASE))
                continue
            name = url[len(SCREENSHOT_BASE):]
            path = os.path.join(folder, name)
            if not os.path.isfile(path):
                errors.append("screenshot %s is missing: add it as "
                              "data/screenshots/%s" % (name, name))
                continue
            size = png_size(path)
            if size is None:
                errors.append("screenshot %s is not a PNG" % name)
            elif size[0] < 624 or size[1] < 351:
                errors.append("screenshot %s is %dx%d, smaller than 624x351"
                              % (name, size[0], size[1]))
            for attr, got in (("width", size and size[0]),
                              ("height", size and size[1])):
                if image.get(attr) and got and int(image.get(attr)) != got:
                    errors.append("screenshot %s: metainfo says %s=%s, the "
                                  "file has %d" % (name, attr,
                                                   image.get(attr), got))
    return errors


def colours(element):
    """Every colour an SVG element paints with, from attributes and style."""
    found = []
    for attr in ("fill", "stroke", "stop-color", "color"):
        if element.get(attr):
            found.append(element.get(attr))
    for decl in (element.get("style") or "").split(";"):
        if ":" in decl:
            key, value = (x.strip() for x in decl.split(":", 1))
            if key in ("fill", "stroke", "stop-color", "color"):
                found.append(value)
    return found


def check_svg(path, size, symbolic, xmllint):
    errors = []
    name = os.path.basename(path)
    if not os.path.isfile(path):
        return ["icon %s is missing" % path]
    if xmllint:
        run = subprocess.run([xmllint, "--noout", path],
                             capture_output=True, text=True)
        if run.returncode != 0:
            errors.append("xmllint rejects %s: %s" % (name, run.stderr.strip()))
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as e:
        return errors + ["%s is not well-formed XML: %s" % (name, e)]
    if root.tag != SVG + "svg":
        errors.append("%s: root element is %s, not svg" % (name, root.tag))
    viewbox = (root.get("viewBox") or "").split()
    if viewbox != ["0", "0", str(size), str(size)]:
        errors.append("%s: viewBox %r, expected '0 0 %d %d'"
                      % (name, root.get("viewBox"), size, size))
    for element in root.iter():
        if element.tag in (SVG + "image", SVG + "foreignObject"):
            errors.append("%s: embeds %s; icons are vector only"
                          % (name, element.tag.replace(SVG, "")))
        for attr, value in element.attrib.items():
            if "data:" in value:
                errors.append("%s: %s embeds data" % (name, attr))
        if symbolic:
            for colour in colours(element):
                if colour.lower() not in ("#2e3436", "none"):
                    errors.append("%s: colour %s; symbolic icons use "
                                  "#2e3436 only" % (name, colour))
    if symbolic and not name.endswith("-symbolic.svg"):
        errors.append("%s: symbolic icons end in -symbolic.svg" % name)
    return errors


def check_icons(app_svg, symbolic_svg, xmllint=None):
    return (check_svg(app_svg, 128, False, xmllint)
            + check_svg(symbolic_svg, 16, True, xmllint))


def check_mime(mime_xml, desktop, update_mime_database=None):
    errors = []
    root = ET.parse(mime_xml).getroot()
    types = {t.get("type"): t for t in root.findall(MIME_NS + "mime-type")}
    book = types.get(BOOK_TYPE)
    if book is None:
        return ["%s does not declare %s" % (mime_xml, BOOK_TYPE)]
    globs = [g.get("pattern") for g in book.findall(MIME_NS + "glob")]
    if BOOK_GLOB not in globs:
        errors.append("%s has no glob %s" % (BOOK_TYPE, BOOK_GLOB))
    if not (book.findtext(MIME_NS + "comment") or "").strip():
        errors.append("%s has no comment" % BOOK_TYPE)

    with open(desktop, encoding="utf-8") as f:
        mime_lines = [l.split("=", 1)[1] for l in f if l.startswith("MimeType=")]
    claimed = mime_lines[0].strip().strip(";").split(";") if mime_lines else []
    if BOOK_TYPE not in claimed:
        errors.append("%s does not list %s in MimeType" % (desktop, BOOK_TYPE))

    if update_mime_database:
        tmp = tempfile.mkdtemp(prefix="daftari-mime-")
        try:
            os.makedirs(os.path.join(tmp, "packages"))
            # update-mime-database reads packages/*.xml only.
            shutil.copy(mime_xml, os.path.join(tmp, "packages", "book.xml"))
            run = subprocess.run([update_mime_database, "-V", tmp],
                                 capture_output=True, text=True)
            if run.returncode != 0 or re.search(r"(?i)error|warning",
                                                run.stderr):
                errors.append("update-mime-database: %s"
                              % (run.stderr.strip() or run.returncode))
            with open(os.path.join(tmp, "globs2"), encoding="utf-8") as f:
                if ":%s:%s" % (BOOK_TYPE, BOOK_GLOB) not in f.read():
                    errors.append("update-mime-database did not register %s"
                                  % BOOK_GLOB)
        except OSError as e:
            errors.append("update-mime-database: %s" % e)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    return errors


def main(argv):
    commands = {
        "screenshots": (check_screenshots, 2, 2),
        "icons": (check_icons, 2, 3),
        "mime": (check_mime, 2, 3),
    }
    if len(argv) < 2 or argv[1] not in commands:
        print(__doc__)
        return 2
    func, least, most = commands[argv[1]]
    args = argv[2:]
    if not least <= len(args) <= most:
        print(__doc__)
        return 2
    errors = func(*args)
    for e in errors:
        print("FAIL: " + e)
    if not errors:
        print("ok: %s" % argv[1])
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
