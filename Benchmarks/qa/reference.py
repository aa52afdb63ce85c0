#!/usr/bin/env python3
"""Python reference for marquee-qa-bench: the QA engine's link, image and content checks written the way
a Python team would (lxml for HTML, urllib.parse for URLs, re for merge tags, csv for audience lists — the same checks
as the Swift AudienceChecker: columns, syntax, suppression, Gmail-aware duplicates, consent, role addresses).

  reference.py emails DIR SECONDS   checks every DIR/*.html repeatedly for SECONDS of CPU time; prints emails/s
  reference.py audience FILE.csv SUPPRESSED.txt OUT.csv
                                    checks the list once against the suppression list (one address a line),
                                    writes the kept rows to OUT.csv; prints the wall and CPU seconds it took

The last line printed holds the numbers marquee-qa-bench reads.
"""
import csv
import glob
import re
import sys
import time
from urllib.parse import parse_qsl, urlsplit

from lxml import etree

VAGUE = {"click here", "click", "here", "tap here", "read more", "more", "learn more", "link", "this link",
         "click this link", "more info", "details", "go", "this"}
PLACEHOLDER_HOSTS = {"example.com", "example.org", "example.net", "yourdomain.com", "yoursite.com", "domain.com",
                     "yourcompany.com"}
UNSUBSCRIBE = ("unsubscribe", "unsub", "opt-out", "optout", "opt out", "preferences")
ADDRESS_WORDS = ("street", " st.", " st ", "avenue", " ave", "road", " rd", "boulevard", "blvd", "suite", "floor",
                 "p.o. box", "po box", "lane", "drive", "plaza", "square")
MERGE_TAG = re.compile(r"\{\{[^{}<>\r\n]{1,80}\}\}|\*\|[^<>\r\n|]{1,80}\|\*|\[\[[^<>\r\n\]]{1,80}\]\]")
PLACEHOLDER = re.compile(r"lorem ipsum|\b(?:TODO|FIXME|TBD)\b", re.IGNORECASE)
HOST_OK = re.compile(r"^[A-Za-z0-9_.-]+$")
EMAIL = re.compile(r"^[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]{1,64}@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$")
PLAN = {"utm_source": "newsletter", "utm_medium": "email", "utm_campaign": "spring-26"}
PARSER = etree.HTMLParser(recover=True, no_network=True)


def finding(findings, rule, element, message):
    findings.append((rule, element.sourceline, element.getroottree().getpath(element), message))


def check_link(a, findings):
    href = a.get("href")
    text = " ".join("".join(a.itertext()).split())
    if href is None:
        return finding(findings, "link.missing-href", a, "no destination")
    href = href.strip()
    if not href:
        return finding(findings, "link.empty-href", a, "empty")
    if href == "#":
        return finding(findings, "link.hash-href", a, "#")
    lower = href.lower()
    if lower.startswith("javascript:"):
        return finding(findings, "link.javascript-href", a, href)
    tag = MERGE_TAG.search(href)
    if tag:
        return finding(findings, "link.placeholder", a, tag.group(0))
    if lower.startswith("mailto:"):
        addresses = lower[7:].split("?")[0].split(",")
        if not all(EMAIL.match(x.strip()) for x in addresses):
            finding(findings, "link.mailto-syntax", a, href)
    elif lower.startswith("tel:"):
        if sum(c.isdigit() for c in href) < 3:
            finding(findings, "link.tel-syntax", a, href)
    elif not lower.startswith("sms:"):
        url = urlsplit(href)
        host = url.hostname or ""
        if url.scheme not in ("http", "https") or "." not in host or not HOST_OK.match(host):
            finding(findings, "link.malformed-url", a, href)
        elif any(host == p or host.endswith("." + p) for p in PLACEHOLDER_HOSTS):
            finding(findings, "link.placeholder", a, host)
        else:
            if url.scheme == "http":
                finding(findings, "link.insecure", a, href)
            unsubscribe = any(w in lower for w in UNSUBSCRIBE) or any(w in text.lower() for w in UNSUBSCRIBE)
            if not unsubscribe:
                params = [(k, v) for k, v in parse_qsl(url.query, keep_blank_values=True) if k.lower().startswith("utm_")]
                values = {k.lower(): v for k, v in params}
                missing = [k for k in PLAN if k not in values]
                if missing:
                    finding(findings, "utm.missing", a, ",".join(missing))
                for key, expected in PLAN.items():
                    if key in values and values[key].lower() != expected:
                        finding(findings, "utm.mismatch", a, key)
                if len(values) != len(params):
                    finding(findings, "utm.duplicate-key", a, href)
                if any(k != k.lower() or v != v.lower() for k, v in params):
                    finding(findings, "utm.not-lowercase", a, href)
    if a.get("aria-label", "").strip():
        return
    alts = " ".join(img.get("alt", "") for img in a.iter("img"))
    short = text.lower().strip(" .,!?:;-") if len(text) <= 24 else text
    if not short and not alts.strip():
        finding(findings, "link.no-accessible-name", a, "")
    elif short in VAGUE:
        finding(findings, "link.vague-text", a, text)


def check_image(img, findings):
    if img.get("alt") is None:
        finding(findings, "image.missing-alt", img, img.get("src", ""))
    if img.get("width") is None or img.get("height") is None:
        finding(findings, "image.missing-dimensions", img, "")
    src = " ".join((img.get("src") or "").split())
    if not src:
        return finding(findings, "image.missing-src", img, "")
    if MERGE_TAG.search(src):
        return finding(findings, "content.merge-tag", img, src)
    lower = src.lower()
    if lower.startswith("cid:") or lower.startswith("data:"):
        return
    url = urlsplit(src)
    if not url.scheme or not url.hostname:
        return finding(findings, "image.relative-url", img, src)
    if url.scheme.lower() == "http":
        finding(findings, "image.insecure-url", img, src)
    name = url.path.rsplit("/", 1)[-1]
    if "." in name and name.rsplit(".", 1)[-1].lower() in ("webp", "svg", "avif", "bmp", "tiff"):
        finding(findings, "image.unsupported-format", img, src)


def check(html):
    findings = []
    root = etree.fromstring(html, PARSER)
    if root is None:
        return [("content.unparsable", 1, "html", "")]
    if len(html) > 102 * 1024:
        finding(findings, "content.gmail-clipping", root, "")
    if not (root.get("lang") or "").strip():
        finding(findings, "content.lang-missing", root, "")
    title = root.find(".//title")
    if title is None or not "".join(title.itertext()).strip():
        finding(findings, "content.title-missing", root, "")
    links = list(root.iter("a"))
    images = list(root.iter("img"))
    for a in links:
        check_link(a, findings)
    for img in images:
        check_image(img, findings)
    visible = []
    for element in root.iter():
        if element.tag in ("style", "script", "title") or not isinstance(element.tag, str):
            continue
        for text in (element.text, element.tail if element.getparent() is not None else None):
            if not text:
                continue
            visible.append(text)
            for tag in MERGE_TAG.findall(text):
                finding(findings, "content.merge-tag", element, tag)
            match = PLACEHOLDER.search(text)
            if match:
                finding(findings, "content.placeholder-text", element, match.group(0))
    body = " ".join(" ".join(visible).split())
    lower = body.lower()
    if images and len(body.replace(" ", "")) < max(200, 150 * len(images)):
        finding(findings, "content.text-image-ratio", root, "")
    unsubscribe = any(any(w in (a.get("href") or "").lower() for w in UNSUBSCRIBE)
                      or any(w in "".join(a.itertext()).lower() for w in UNSUBSCRIBE) for a in links)
    if not unsubscribe:
        finding(findings, "content.unsubscribe-missing", root, "")
    if not (any(c.isdigit() for c in lower) and any(w in lower for w in ADDRESS_WORDS)) \
            and root.find(".//address") is None:
        finding(findings, "content.postal-address-missing", root, "")
    return findings


def emails(directory, seconds):
    documents = [open(path, "rb").read() for path in sorted(glob.glob(directory + "/*.html"))]
    for document in documents:
        check(document)
    calls = 0
    start = time.thread_time()  # CPU time of this thread, as the Swift side measures
    while time.thread_time() - start < seconds:
        for document in documents:
            check(document)
            calls += 1
    elapsed = time.thread_time() - start
    print(f"findings on email 0: {len(check(documents[0]))}")
    print(calls / elapsed)


CONSENT = {"yes", "y", "true", "1", "opt-in", "opted-in", "opted_in", "granted"}
ROLES = {"info", "admin", "administrator", "support", "sales", "contact", "noreply", "no-reply", "postmaster",
         "webmaster", "hostmaster", "abuse", "billing", "office", "marketing", "help", "team", "hr", "jobs",
         "careers", "enquiries", "inquiries", "privacy", "security", "root"}


def key(email):
    local, _, domain = email.strip().lower().rpartition("@")
    if domain in ("gmail.com", "googlemail.com"):
        return local.split("+", 1)[0].replace(".", "") + "@gmail.com"
    return local + "@" + domain


def audience(path, suppression_path, output_path):
    start = time.perf_counter()
    cpu = time.thread_time()
    with open(suppression_path, encoding="utf-8") as handle:
        suppressed = {key(line) for line in handle if line.strip()}
    seen = set()
    counts = {}
    kept = dropped = 0
    with open(path, newline="", encoding="utf-8") as handle, open(output_path, "w", newline="", encoding="utf-8") as out:
        reader = csv.reader(handle)
        writer = csv.writer(out)
        header = next(reader)
        names = [h.strip().lower() for h in header]
        email_at = names.index("email")
        consent_at = names.index("consent")
        writer.writerow(header)
        for row in reader:
            if len(row) != len(names):
                rule = "malformed-row"
            else:
                email = row[email_at].strip()
                address = key(email)
                if not EMAIL.match(email):
                    rule = "invalid-email"
                elif address in suppressed:
                    rule = "suppressed"
                elif address in seen:
                    rule = "duplicate"
                elif row[consent_at].strip().lower() not in CONSENT:
                    seen.add(address)
                    rule = "missing-consent"
                else:
                    seen.add(address)
                    rule = "role-address" if email.rpartition("@")[0].lower() in ROLES else None
            if rule:
                counts[rule] = counts.get(rule, 0) + 1
            if rule is None or rule == "role-address":
                writer.writerow(row)
                kept += 1
            else:
                dropped += 1
    elapsed = time.perf_counter() - start
    cpu = time.thread_time() - cpu
    print(f"kept {kept}, dropped {dropped}; " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    print(elapsed, cpu)


if __name__ == "__main__":
    if sys.argv[1] == "emails":
        emails(sys.argv[2], float(sys.argv[3]))
    else:
        audience(sys.argv[2], sys.argv[3], sys.argv[4])
