"""Black-box test of marquee-gateway's HTTP API (docs/gateway.md, docs/openapi.yaml): a real gateway on a real
marquee-bus, on free loopback ports in a temp dir. schemathesis checks every operation of docs/openapi.yaml (no 5xx,
responses that fit the schema); the calendar feed is parsed with the icalendar package; and a gateway started
with the default settings stores bcrypt hashes of cost 12."""
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import urllib.error
import urllib.request

import icalendar
import pytest

BIN_DIR = os.environ.get("MARQUEE_BIN_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))
SPEC = os.path.join(os.path.dirname(__file__), "..", "..", "docs", "openapi.yaml")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def ready(process, prefix):
    """Reads `process`'s stdout up to its ready line; returns the lines before it."""
    lines = []
    while True:
        line = process.stdout.readline()
        assert line, f"exited before {prefix}: {lines}"
        if line.startswith(prefix):
            return lines
        lines.append(line)


def stop(process):
    process.terminate()
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


@pytest.fixture()
def gateway(request):
    """A bus and a gateway; yields (base URL, {user: one-time password}, data dir). `request.param` adds flags."""
    extra = getattr(request, "param", ["--password-cost", "10"])
    directory = tempfile.mkdtemp(prefix="marquee-py-gw-")
    bus_ports = [free_port() for _ in range(4)]
    bus = {name: f"tcp://127.0.0.1:{port}" for name, port in zip(("ingress", "fanout", "control", "group"), bus_ports)}
    processes = []
    try:
        broker = subprocess.Popen(
            [os.path.join(BIN_DIR, "marquee-bus"), "--data", os.path.join(directory, "bus"), "--ingress", bus["ingress"],
             "--fanout", bus["fanout"], "--control", bus["control"], "--group", bus["group"], "--log-level", "warning",
             "--insecure"], stdout=subprocess.PIPE, text=True)
        processes.append(broker)
        ready(broker, "marquee-bus ready")
        port = free_port()
        gw = subprocess.Popen(
            [os.path.join(BIN_DIR, "marquee-gateway"), "--data", os.path.join(directory, "gateway"),
             "--http", f"127.0.0.1:{port}", "--bus-ingress", bus["ingress"], "--bus-fanout", bus["fanout"],
             "--bus-control", bus["control"], "--bus-group", bus["group"], "--log-level", "error",
             "--answer-timeout-ms", "200"] + extra, stdout=subprocess.PIPE, text=True)
        processes.append(gw)
        passwords = {}
        for line in ready(gw, "marquee-gateway ready"):
            words = line.split()
            if line.startswith("marquee-gateway user"):
                passwords[words[2]] = words[-1]
        yield f"http://127.0.0.1:{port}", passwords, os.path.join(directory, "gateway")
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(directory, ignore_errors=True)


def call(method, url, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": "application/json", **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def token(base, passwords, user="admin"):
    status, headers, body = call("POST", f"{base}/api/session", {"user": user, "password": passwords[user]})
    assert status == 200, body
    cookie = headers["Set-Cookie"].split(";")[0]
    csrf = json.loads(body)["csrf_token"]
    status, _, body = call("POST", f"{base}/api/tokens", {"name": "pytest"}, {"Cookie": cookie, "X-CSRF-Token": csrf})
    assert status == 201, body
    return json.loads(body)["token"]


def submit(base, passwords):
    """A complete request by ana; returns its campaign id once the gateway published it."""
    ana = token(base, passwords, "ana")
    request = {"title": "Winter webinar, EU; \"live\"", "type": "other", "objective": "conversion",
               "brief": {"goal": "200 sign-ups", "audience": "EU admins", "key_message": "Save an hour",
                         "channels": ["email"], "launch_date": "2030-12-08"}}
    status, _, body = call("POST", f"{base}/api/campaigns", request, {"Authorization": f"Bearer {ana}"})
    assert status in (201, 202), body
    return json.loads(body)["campaign_id"]


def test_schemathesis_finds_no_server_errors_and_no_schema_violations(gateway):
    base, passwords, _ = gateway
    admin = token(base, passwords)
    result = subprocess.run(
        ["st", "run", SPEC, "--url", base, "--header", f"Authorization: Bearer {admin}",
         "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance",
         "--phases", "examples,coverage,fuzzing", "--max-examples", "8", "--seed", "7", "--workers", "1",
         "--request-timeout", "10", "--no-color", "--exclude-path", "/metrics", "--exclude-path", "/health"],
        capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout[-6000:] + result.stderr[-2000:]


def test_calendar_feed_parses_as_icalendar(gateway):
    base, passwords, _ = gateway
    ana = token(base, passwords, "ana")
    campaign = submit(base, passwords)
    # The gateway shows the campaign once intake's facts are back; without stations the feed is still a calendar.
    status, headers, body = call("GET", f"{base}/calendar.ics?token={ana}")
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    assert all(event["UID"].endswith("@marquee") for event in calendar.walk("VEVENT"))
    assert b"\r\n" in body and all(len(line) <= 75 for line in body.split(b"\r\n"))
    assert call("GET", f"{base}/calendar.ics?token=mqt_forged")[0] == 401
    assert campaign.startswith("cmp-")


@pytest.mark.parametrize("gateway", [[]], indirect=True)
def test_default_password_cost_is_at_least_ten(gateway):
    _, _, data = gateway
    with sqlite3.connect(os.path.join(data, "gateway.sqlite")) as db:
        hashes = [row[0] for row in db.execute("SELECT password_hash FROM gw_user")]
    assert hashes and all(int(h.split("$")[2]) >= 10 for h in hashes), hashes[:1]
    assert all(int(h.split("$")[2]) == 12 for h in hashes)


def test_login_is_rate_limited_and_errors_are_problems(gateway):
    base, passwords, _ = gateway
    for _ in range(5):
        assert call("POST", f"{base}/api/session", {"user": "ben", "password": "nope"})[0] == 401
    status, headers, body = call("POST", f"{base}/api/session", {"user": "ben", "password": passwords["ben"]})
    assert status == 429 and int(headers["Retry-After"]) > 0
    assert headers["Content-Type"] == "application/problem+json"
    problem = json.loads(body)
    assert problem["status"] == 429 and "detail" in problem
    status, headers, body = call("GET", f"{base}/api/no-such-thing")
    assert status == 404 and headers["Content-Type"] == "application/problem+json"
