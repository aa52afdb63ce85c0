#!/usr/bin/env python3
"""Generates Packages/QAEngine/CSS/EmailSupportTable.swift from the caniemail data.

Usage: scripts/gen-caniemail-support.py [/work/shared/data/caniemail] > Packages/QAEngine/CSS/EmailSupportTable.swift

Keeps only what the QA rules look up: CSS properties, property:value pairs, functions, at-rules, media
features and image formats that at least one major client does not support (code "n") at its newest test.
"""
import json
import os
import re
import sys

SOURCE = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/data/caniemail"

# (case name, caniemail client, platform, version filter) — order is the bit order of EmailClient.
CLIENTS = [
    ("gmailWebmail", "gmail", "desktop-webmail", None),
    ("gmailIOS", "gmail", "ios", None),
    ("gmailAndroid", "gmail", "android", None),
    ("outlookWindowsClassic", "outlook", "windows", lambda v: re.fullmatch(r"\d{4}", v) and int(v) <= 2021),
    ("outlookWindowsNew", "outlook", "windows", lambda v: not (re.fullmatch(r"\d{4}", v) and int(v) <= 2021)),
    ("outlookCom", "outlook", "outlook-com", None),
    ("outlookMacOS", "outlook", "macos", None),
    ("outlookIOS", "outlook", "ios", None),
    ("outlookAndroid", "outlook", "android", None),
    ("appleMailMacOS", "apple-mail", "macos", None),
    ("appleMailIOS", "apple-mail", "ios", None),
    ("yahooWebmail", "yahoo", "desktop-webmail", None),
]

# Features whose title is not a plain property name.
OVERRIDES = {
    "css-block-inline-size": [("property", "block-size"), ("property", "inline-size")],
    "css-border-inline-block": [("property", "border-inline"), ("property", "border-block")],
    "css-color-scheme": [("property", "color-scheme")],
    "css-font": [("property", "font")],
    "css-grid-template": [("property", p) for p in ("grid-template-columns", "grid-template-rows",
                                                   "grid-template-areas", "grid-template")],
    "css-variables": [("function", "var")],
    "css-modern-color": [("function", f) for f in ("lch", "oklch", "lab", "oklab")],
    "css-intrinsic-size": [("keyword", k) for k in ("fit-content", "min-content", "max-content")],
    "css-at-media-hover": [("media", "hover"), ("media", "any-hover")],
    "css-at-media-device-pixel-ratio": [("media", "-webkit-device-pixel-ratio"),
                                        ("media", "-webkit-min-device-pixel-ratio")],
    "css-important": [("keyword", "!important")],
}
SKIP_PREFIXES = ("css-pseudo-", "css-selector-", "css-unit-")
SKIP = {"css-comments", "css-nesting", "css-inert-attribute", "css-border-inline-block-individual",
        "css-border-inline-block-longhand", "css-border-radius-logical", "css-column-layout-properties",
        "css-sytem-ui", "css-display", "css-pseudo-class-lang"}
IMAGE_FORMATS = {"image-webp": ["webp"], "image-svg": ["svg"], "image-avif": ["avif"], "image-bmp": ["bmp"],
                 "image-tiff": ["tif", "tiff"], "image-heif": ["heif", "heic"], "image-ico": ["ico"]}


def version_key(version):
    return tuple(int(part) for part in re.findall(r"\d+", version)) or (0,)


def unsupported_mask(stats):
    mask = 0
    for bit, (_, client, platform, keep) in enumerate(CLIENTS):
        versions = {v: code for v, code in stats.get(client, {}).get(platform, {}).items() if not keep or keep(v)}
        if versions and versions[max(versions, key=version_key)].startswith("n"):
            mask |= 1 << bit
    return mask


def matchers(key, title):
    if key in OVERRIDES:
        return OVERRIDES[key]
    if key in SKIP or key.startswith(SKIP_PREFIXES):
        return []
    if key in IMAGE_FORMATS:
        return [("image", ext) for ext in IMAGE_FORMATS[key]]
    if not key.startswith("css-"):
        return []
    title = title.strip()
    if title.startswith("@media ("):
        return [("media", title[len("@media ("):].rstrip(")"))]
    if re.fullmatch(r"@[a-z-]+", title):
        return [("atRule", title[1:])]
    if re.fullmatch(r"[a-z-]+\(\)", title):
        return [("function", title[:-2])]
    if re.fullmatch(r"[a-z-]+ ?: ?[a-z-]+", title):
        prop, value = (part.strip() for part in title.split(":"))
        return [("value", f"{prop}:{value}")]
    names = [n.strip() for n in re.split(r",|&", title.removesuffix(" property").removesuffix(" properties"))]
    if all(re.fullmatch(r"[a-z-]+", n) for n in names):
        return [("property", n) for n in names]
    sys.exit(f"no matcher for {key!r} ({title!r}); add it to OVERRIDES or SKIP")


def swift_string(text):
    return json.dumps(text, ensure_ascii=False)


def main():
    with open(os.path.join(SOURCE, "features.json"), encoding="utf-8") as f:
        features = json.load(f)
    with open(os.path.join(SOURCE, "LICENSE"), encoding="utf-8") as f:
        licence = f.read().strip()
    rows = []
    for key in sorted(features):
        if key == "_template":
            continue
        feature = features[key]
        mask = unsupported_mask(feature.get("stats", {}))
        if mask == 0:
            continue
        for kind, name in matchers(key, feature["title"]):
            rows.append((kind, name, key, feature["title"].strip(), mask))
    out = ["// GENERATED by scripts/gen-caniemail-support.py — do not edit by hand.",
           "//",
           "// Data: caniemail (https://github.com/hteumeuleu/caniemail), via /work/shared/data/caniemail.",
           "// It is distributed under the following licence, which must stay with this file:",
           "//"]
    out += ["// " + line if line else "//" for line in licence.splitlines()]
    out += ["",
            "extension EmailSupport {",
            "    /// Features some major client does not support: (kind, name, caniemail id, title, unsupported clients).",
            "    static let table: [EmailSupport.Entry] = ["]
    for kind, name, key, title, mask in rows:
        out.append(f"        Entry(.{kind}, {swift_string(name)}, {swift_string(key)}, {swift_string(title)}, "
                   f"EmailClients(rawValue: 0x{mask:04x})),")
    out += ["    ]", "}", ""]
    sys.stdout.write("\n".join(out))


main()
