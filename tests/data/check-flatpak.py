#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Check flatpak/<app-id>.json against the meson project.

The Flatpak cannot be built here (no flatpak-builder, no network), so this
test checks what can go wrong by review alone: the manifest parses, its id,
command and runtime agree with meson, the sandbox stays minimal, every source
is pinned, and every dependency() the meson files ask for is either in the
GNOME runtime or built by a module of the manifest.

Usage: check-flatpak.py --manifest FILE --app-id ID --source-root DIR
                        [--desktop FILE.desktop.in]
Exit status 0 when everything agrees, 1 with one line per problem otherwise.
"""

import argparse
import json
import os
import re
import sys

# The GNOME runtime this manifest targets. GNOME releases in March and
# September; 51 is the stable one at the time of writing (November 2026).
# Raise this together with "runtime-version" in the manifest.
MIN_GNOME_RUNTIME = 51

# finish-args: the sandbox is offline and sees no files outside it.
# Secrets: libsecret (>= 0.20) inside a Flatpak stores them in a keyring file
# under ~/.var/app/<id>/ whose key comes from the Secret portal, so no
# --talk-name=org.freedesktop.secrets is needed. Files the user opens or
# saves come through the FileChooser/Documents portals, so no --filesystem.
REQUIRED_FINISH_ARGS = {
    "--socket=wayland",
    "--socket=fallback-x11",   # X11 only when there is no Wayland
    "--share=ipc",             # needed by X11 (MIT-SHM)
    "--device=dri",            # GL rendering for GTK 4
}
ALLOWED_FINISH_ARGS = REQUIRED_FINISH_ARGS | {
    # Tesseract looks for its language data here (module "tessdata").
    "--env=TESSDATA_PREFIX=/app/share/tessdata",
}

# Modules the manifest must build, because the GNOME runtime lacks them.
REQUIRED_MODULES = {
    "libsodium",    # Argon2id for the PIN hash (the KDF library)
    "gsl",          # forecasting
    "libqrencode",  # QR codes on invoices (Lipa na M-PESA till/paybill)
    "leptonica",    # image handling for Tesseract
    "tesseract",    # receipt OCR
    "tessdata",     # eng + swa trained data for Tesseract
    # poppler-glib: not in org.gnome.Platform. gnome-build-meta's
    # sdk-platform.bst and freedesktop-sdk's platform.bst do not list it
    # (freedesktop-sdk has a poppler element, outside the platform).
    "poppler",
}
TESSDATA_FILES = {"eng.traineddata", "swa.traineddata", "Latin.traineddata"}

# pkg-config names that dependency() may ask for, mapped to the module that
# builds them. Keep in sync with REQUIRED_MODULES and the manifest.
MODULE_FOR_DEPENDENCY = {
    "libsodium": "libsodium",
    "gsl": "gsl",
    "libqrencode": "libqrencode",
    "lept": "leptonica",
    "leptonica": "leptonica",
    "tesseract": "tesseract",
    "poppler-glib": "poppler",
    "poppler": "poppler",
}

# pkg-config names the GNOME runtime (org.gnome.Platform/Sdk, on top of the
# freedesktop runtime) already provides, so no module is needed.
RUNTIME_PROVIDES = {
    # meson built-ins, not pkg-config
    "threads", "dl", "openmp",
    # GLib
    "glib-2.0", "gobject-2.0", "gio-2.0", "gio-unix-2.0", "gmodule-2.0",
    "gthread-2.0",
    # GTK 4, libadwaita and the graphics stack
    "gtk4", "gtk4-wayland", "gtk4-x11", "libadwaita-1", "graphene-1.0",
    "gdk-pixbuf-2.0", "librsvg-2.0",
    "cairo", "cairo-pdf", "cairo-png", "cairo-svg", "cairo-gobject",
    "pango", "pangocairo", "pangoft2", "harfbuzz", "fontconfig", "freetype2",
    "libpng", "libpng16", "libjpeg", "libtiff-4", "libwebp", "libopenjp2",
    # storage, data and secrets
    "sqlite3", "json-glib-1.0", "libxml-2.0", "zlib", "libarchive",
    "libsecret-1", "gcr-4", "libsoup-3.0",
}


def load_json(path):
    def no_duplicates(pairs):
        seen = {}
        for key, value in pairs:
            if key in seen:
                raise ValueError("duplicate key %r" % key)
            seen[key] = value
        return seen
    with open(path, encoding="utf-8") as f:
        return json.load(f, object_pairs_hook=no_duplicates)


def meson_files(root):
    for dirpath, dirnames, filenames in os.walk(root):
        # Skip VCS data, subprojects and build directories inside the tree.
        dirnames[:] = sorted(
            d for d in dirnames
            if d not in (".git", "subprojects")
            and not os.path.exists(os.path.join(dirpath, d, "meson-private")))
        if "meson.build" in filenames:
            yield os.path.join(dirpath, "meson.build")


def strip_comments(text):
    return "\n".join(line.split("#", 1)[0] for line in text.splitlines())


DEP_RE = re.compile(r"\bdependency\(\s*'([^']+)'")
EXE_RE = re.compile(r"\bexecutable\(\s*'([^']+)'")
PROJECT_RE = re.compile(r"\bproject\(\s*'([^']+)'")
SHA256_RE = re.compile(r"^[0-9a-f]{64}$")
COMMIT_RE = re.compile(r"^[0-9a-f]{40}$")


def check_source(module, source, is_app, errors):
    where = "module %r" % module
    if not isinstance(source, dict):
        errors.append("%s: sources must be objects, not %r" % (where, source))
        return
    kind = source.get("type")
    if kind in ("archive", "file"):
        url = source.get("url", "")
        if not url.startswith("https://"):
            errors.append("%s: %s source needs an https url, got %r"
                          % (where, kind, url))
        if not SHA256_RE.match(source.get("sha256", "")):
            errors.append("%s: %s source %s has no sha256"
                          % (where, kind, url))
    elif kind == "git":
        if not COMMIT_RE.match(source.get("commit", "")):
            errors.append("%s: git source %s is not pinned by commit"
                          % (where, source.get("url")))
    elif kind == "dir":
        if not is_app:
            errors.append("%s: only the app module may use a dir source"
                          % where)
    elif kind == "patch":
        if "path" not in source:
            errors.append("%s: patch source without a local path" % where)
    else:
        errors.append("%s: source type %r is not allowed" % (where, kind))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--manifest", required=True)
    parser.add_argument("--app-id", required=True)
    parser.add_argument("--source-root", required=True)
    parser.add_argument("--desktop")
    args = parser.parse_args()

    errors = []
    try:
        manifest = load_json(args.manifest)
    except (OSError, ValueError) as e:
        print("FAIL: %s does not parse: %s" % (args.manifest, e))
        return 1

    # The file name, its id and meson's app_id agree.
    name = os.path.basename(args.manifest)
    if name != args.app_id + ".json":
        errors.append("manifest file is %s, expected %s.json"
                      % (name, args.app_id))
    ids = [manifest[k] for k in ("id", "app-id") if k in manifest]
    if ids != [args.app_id]:
        errors.append("manifest id %r, meson app_id %r (give exactly one of "
                      "\"id\"/\"app-id\")" % (ids, args.app_id))

    # Runtime: the current GNOME one.
    if manifest.get("runtime") != "org.gnome.Platform":
        errors.append("runtime is %r, expected org.gnome.Platform"
                      % manifest.get("runtime"))
    if manifest.get("sdk") != "org.gnome.Sdk":
        errors.append("sdk is %r, expected org.gnome.Sdk" % manifest.get("sdk"))
    version = manifest.get("runtime-version")
    if not (isinstance(version, str) and version.isdigit()
            and int(version) >= MIN_GNOME_RUNTIME):
        errors.append("runtime-version is %r, expected a GNOME release "
                      ">= %d as a string" % (version, MIN_GNOME_RUNTIME))

    # Meson: the project's name, executables and dependencies.
    project_name = None
    executables = set()
    dependencies = {}
    for path in meson_files(args.source_root):
        with open(path, encoding="utf-8") as f:
            text = strip_comments(f.read())
        rel = os.path.relpath(path, args.source_root)
        if rel == "meson.build":
            m = PROJECT_RE.search(text)
            project_name = m.group(1) if m else None
        executables.update(EXE_RE.findall(text))
        for dep in DEP_RE.findall(text):
            dependencies.setdefault(dep, rel)

    command = manifest.get("command")
    if command != "daftari":
        errors.append("command is %r, expected 'daftari' (the GUI)" % command)
    if command not in executables:
        errors.append("command %r is not an executable() of the meson "
                      "project (found: %s)"
                      % (command, ", ".join(sorted(executables)) or "none"))

    if args.desktop:
        with open(args.desktop, encoding="utf-8") as f:
            entry = dict(line.split("=", 1) for line in f
                         if "=" in line and not line.startswith("#"))
        exec_line = entry.get("Exec", "").split()
        if not exec_line or exec_line[0] != command:
            errors.append("desktop Exec=%s does not start with the manifest "
                          "command %r" % (entry.get("Exec"), command))
        if entry.get("Icon", "").strip() != args.app_id:
            errors.append("desktop Icon=%s, expected the app id"
                          % entry.get("Icon", "").strip())

    # Sandbox.
    finish_args = manifest.get("finish-args", [])
    for arg in finish_args:
        if arg not in ALLOWED_FINISH_ARGS:
            errors.append("finish-arg %s is not allowed (offline app, "
                          "secrets and files through portals)" % arg)
    for arg in sorted(REQUIRED_FINISH_ARGS - set(finish_args)):
        errors.append("finish-arg %s is missing" % arg)
    if len(finish_args) != len(set(finish_args)):
        errors.append("finish-args has duplicates")

    # Modules: inline, pinned, the app last.
    modules = manifest.get("modules", [])
    if not modules or not all(isinstance(m, dict) for m in modules):
        errors.append("modules must be a non-empty list of inline objects")
        modules = [m for m in modules if isinstance(m, dict)]
    names = [m.get("name") for m in modules]
    if len(names) != len(set(names)):
        errors.append("module names are not unique: %s" % names)
    for i, module in enumerate(modules):
        is_app = i == len(modules) - 1
        sources = module.get("sources")
        if not sources:
            errors.append("module %r has no sources" % module.get("name"))
            continue
        for source in sources:
            check_source(module.get("name"), source, is_app, errors)
        if "modules" in module:
            errors.append("module %r nests modules; keep them flat"
                          % module.get("name"))

    for missing in sorted(REQUIRED_MODULES - set(names)):
        errors.append("module %r is missing" % missing)

    tessdata = next((m for m in modules if m.get("name") == "tessdata"), None)
    if tessdata:
        files = set()
        for s in tessdata.get("sources", []):
            if isinstance(s, dict):
                files.add(s.get("dest-filename")
                          or s.get("url", "").rsplit("/", 1)[-1])
        for missing in sorted(TESSDATA_FILES - files):
            errors.append("tessdata lacks %s" % missing)

    if modules:
        app = modules[-1]
        if app.get("name") != project_name:
            errors.append("last module is %r, expected the meson project %r"
                          % (app.get("name"), project_name))
        if app.get("buildsystem") != "meson":
            errors.append("app module must use buildsystem meson")
        if app.get("sources") != [{"type": "dir", "path": ".."}]:
            errors.append("app module must build the tree it ships in: "
                          "sources [{\"type\": \"dir\", \"path\": \"..\"}]")

    # Every dependency() is in the runtime or built by a module before the app.
    for dep, where in sorted(dependencies.items()):
        if dep in RUNTIME_PROVIDES:
            continue
        module = MODULE_FOR_DEPENDENCY.get(dep)
        if module is None:
            errors.append("dependency('%s') in %s: unknown to this check; add "
                          "it to RUNTIME_PROVIDES or build it in a module and "
                          "map it in MODULE_FOR_DEPENDENCY" % (dep, where))
        elif module not in names[:-1]:
            errors.append("dependency('%s') in %s needs module %r"
                          % (dep, where, module))

    for e in errors:
        print("FAIL: " + e)
    if errors:
        return 1
    print("ok: %s: id %s, command %s, GNOME %s, %d modules, %d meson "
          "dependencies covered"
          % (name, args.app_id, command, version, len(modules),
             len(dependencies)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
