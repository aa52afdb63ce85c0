"""Black-box test of marquee-gateway's HTTP API (docs/gateway.md, docs/openapi.yaml): a real gateway on a real
marquee-bus, on free loopback ports in a temp dir. schemathesis checks every operation of docs/openapi.yaml (no 5xx,
responses that fit the schema); the calendar feed is parsed with the icalendar package; and a gateway started
with the default settings stores bcrypt hashes of cost 12."""
import datetime
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import tempfile
import time
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


def start(processes, name, arguments, ready_prefix):
    process = subprocess.Popen([os.path.join(BIN_DIR, name)] + arguments, stdout=subprocess.PIPE, text=True)
    processes.append(process)
    return ready(process, ready_prefix)


@pytest.fixture()
def gateway(request):
    """A bus, the intake and build stations, marquee-assistant and a gateway that passes chat messages to it; yields (base URL, {user: one-time password}, gateway data
    dir). `request.param` replaces the gateway's extra flags (default: bcrypt cost 10 for a quick start)."""
    extra = getattr(request, "param", ["--password-cost", "10"])
    directory = tempfile.mkdtemp(prefix="marquee-py-gw-")
    bus_ports = [free_port() for _ in range(4)]
    bus = {name: f"tcp://127.0.0.1:{port}" for name, port in zip(("ingress", "fanout", "control", "group"), bus_ports)}
    bus_flags = ["--bus-ingress", bus["ingress"], "--bus-fanout", bus["fanout"], "--bus-control", bus["control"],
                 "--bus-group", bus["group"], "--log-level", "error"]
    processes = []
    try:
        start(processes, "marquee-bus",
              ["--data", os.path.join(directory, "bus"), "--ingress", bus["ingress"], "--fanout", bus["fanout"],
               "--control", bus["control"], "--group", bus["group"], "--log-level", "warning", "--insecure"],
              "marquee-bus ready")
        for station in ("intake", "build"):
            start(processes, f"marquee-{station}",
                  bus_flags + ["--data", os.path.join(directory, station), "--http", f"127.0.0.1:{free_port()}"],
                  f"marquee-{station} ready")
        assistant = free_port()
        start(processes, "marquee-assistant",
              bus_flags + ["--data", os.path.join(directory, "assistant"), "--http", f"127.0.0.1:{assistant}"],
              "marquee-assistant ready")
        port = free_port()
        lines = start(processes, "marquee-gateway",
                      bus_flags + ["--data", os.path.join(directory, "gateway"), "--http", f"127.0.0.1:{port}",
                                   "--answer-timeout-ms", "3000", "--assistant-url", f"http://127.0.0.1:{assistant}"]
                      + extra, "marquee-gateway ready")
        passwords = {line.split()[2]: line.split()[-1] for line in lines if line.startswith("marquee-gateway user")}
        yield f"http://127.0.0.1:{port}", passwords, os.path.join(directory, "gateway")
    finally:
        for process in reversed(processes):
            stop(process)
        shutil.rmtree(directory, ignore_errors=True)


def call(method, url, body=None, headers=None, raw=None, content_type="application/json"):
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    request = urllib.request.Request(url, data=data, method=method, headers={"Content-Type": content_type, **(headers or {})})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def bearer(secret):
    return {"Authorization": f"Bearer {secret}"}


def token(base, passwords, user="admin"):
    """A bearer token for `user`, issued through a cookie session (so the CSRF token is exercised too)."""
    status, headers, body = call("POST", f"{base}/api/session", {"user": user, "password": passwords[user]})
    assert status == 200, body
    cookie = headers["Set-Cookie"].split(";")[0]
    csrf = json.loads(body)["csrf_token"]
    assert call("POST", f"{base}/api/tokens", {"name": "pytest"}, {"Cookie": cookie})[0] == 403, "no CSRF token"
    status, _, body = call("POST", f"{base}/api/tokens", {"name": "pytest"}, {"Cookie": cookie, "X-CSRF-Token": csrf})
    assert status == 201, body
    return json.loads(body)["token"]


TITLE = 'Winter webinar, EU; "live"'


def submit(base, passwords):
    """A complete request by ana, triaged by intake; returns its campaign id."""
    request = {"title": TITLE, "type": "other", "objective": "conversion",
               "brief": {"goal": "200 sign-ups", "audience": "EU admins", "key_message": "Save an hour",
                         "channels": ["email"], "launch_date": "2030-12-08"}}
    status, _, body = call("POST", f"{base}/api/campaigns", request, bearer(token(base, passwords, "ana")))
    assert status == 201, body
    return json.loads(body)["campaign_id"]


def campaign_with_document(base, passwords):
    """A campaign assigned to sam, built, with version 1 of `email` logged by build; returns its id."""
    campaign = submit(base, passwords)
    olga, sam = token(base, passwords, "olga"), token(base, passwords, "sam")
    commands = f"{base}/api/campaigns/{campaign}/commands"
    assert call("POST", commands, {"type": "assign", "specialist": "sam"}, bearer(olga))[0] == 200
    assert call("POST", commands, {"type": "start_build"}, bearer(sam))[0] == 200
    status, _, body = call("POST", f"{base}/api/campaigns/{campaign}/documents?document=email", headers=bearer(sam),
                           raw=b"<p>Hello</p>", content_type="text/html")
    assert status == 202, body
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        shelves = json.loads(call("GET", f"{base}/api/campaigns/{campaign}/documents", headers=bearer(sam))[2])
        if shelves and shelves[0].get("current"):
            status, headers, body = call("GET", f"{base}{shelves[0]['current']['href']}", headers=bearer(sam))
            assert status == 200 and body == b"<p>Hello</p>" and headers["Content-Type"] == "text/html"
            return campaign
        time.sleep(0.2)
    raise AssertionError("build never logged the document")


def test_schemathesis_finds_no_server_errors_and_no_schema_violations(gateway, tmp_path):
    base, passwords, _ = gateway
    campaign = campaign_with_document(base, passwords)
    admin = token(base, passwords)
    # One user holding every role, so that no operation is refused for who asks.
    roles = ["requester", "marketing_ops", "marketing_ops_lead", "specialist", "designer", "qa_reviewer",
             "marketing_lead", "legal", "brand", "finance", "finance_ops", "admin"]
    for user, user_roles in (("fuzz", roles), ("nora", ["legal"])):
        status, _, body = call("POST", f"{base}/api/users", {"id": user, "name": user, "roles": user_roles}, bearer(admin))
        assert status == 201, body
        passwords[user] = json.loads(body)["password"]
    fuzz = token(base, passwords, "fuzz")
    config = tmp_path / "schemathesis.toml"
    config.write_text(f'''[parameters]
"path.id" = "{campaign}"
"path.document" = "email"
"path.version" = 1
"path.user" = "nora"
''')
    result = subprocess.run(
        ["st", "--config-file", str(config), "run", SPEC, "--url", base, "--header", f"Authorization: Bearer {fuzz}",
         "--checks", "not_a_server_error,response_schema_conformance,content_type_conformance,status_code_conformance",
         "--phases", "examples,coverage,fuzzing", "--max-examples", "8", "--seed", "7", "--workers", "1",
         "--request-timeout", "10", "--no-color", "--exclude-path", "/metrics", "--exclude-path", "/health"],
        capture_output=True, text=True, timeout=600, cwd=tmp_path)
    print(result.stdout[-4000:])
    assert result.returncode == 0, result.stdout[-8000:] + result.stderr[-2000:]


def test_calendar_feed_parses_as_icalendar(gateway):
    base, passwords, _ = gateway
    campaign = submit(base, passwords)
    ana = token(base, passwords, "ana")
    status, _, body = call("POST", f"{base}/api/calendar/feed-token", headers=bearer(ana))
    assert status == 201, body
    feed = json.loads(body)["url"]
    assert call("GET", f"{base}/calendar.ics?token={ana}")[0] == 401, "API tokens are not read from URLs"
    status, headers, body = call("GET", feed)
    assert status == 200 and headers["Content-Type"].startswith("text/calendar")
    assert body.endswith(b"\r\n") and all(len(line) <= 75 for line in body.split(b"\r\n"))
    calendar = icalendar.Calendar.from_ical(body)
    assert calendar["VERSION"] == "2.0" and "PRODID" in calendar
    events = calendar.walk("VEVENT")
    assert [str(event["UID"]) for event in events] == [f"{campaign}-launch@marquee"]
    assert str(events[0]["SUMMARY"]) == f"Launch: {TITLE}"
    assert events[0].decoded("DTSTART") == datetime.date(2030, 12, 8)
    assert str(events[0]["URL"]).endswith(f"/api/campaigns/{campaign}")
    assert call("GET", f"{base}/calendar.ics?token=mqt_forged")[0] == 401
    assert call("GET", f"{base}/calendar.ics")[0] == 401


def test_the_assistant_answers_through_the_gateway(gateway):
    """The real marquee-assistant's answer fits what the gateway reads; roles from the client are refused."""
    base, passwords, _ = gateway
    ana = bearer(token(base, passwords, "ana"))
    status, _, body = call("POST", f"{base}/api/assistant", {"text": "I need a webinar campaign"}, ana)
    assert status == 200, body
    answer = json.loads(body)
    assert answer["conversation_id"] == "web-ana" and answer["reply"] and answer["intent"]
    assert call("POST", f"{base}/api/assistant", {"text": "hi", "roles": ["admin"]}, ana)[0] == 403


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
