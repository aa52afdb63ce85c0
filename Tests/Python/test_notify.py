"""Black-box test of marquee-notify: a real marquee-bus, a real SMTP server (aiosmtpd, with STARTTLS on a
self-signed certificate and AUTH required) and a local HTTP receiver that answers 500 to the first webhook
call. Escalations are published on the bus with pyzmq as docs/protocol.md describes; the test checks that each
message arrives once, to the right recipient, with the right subject and link, that the webhook's HMAC
signature verifies and its retry after the 500 happens, and that a redelivered event sends nothing again."""
import datetime
import hashlib
import hmac
import http.server
import json
import os
import re
import socket
import ssl
import struct
import subprocess
import tempfile
import threading
import time
import urllib.request
import uuid
from email import message_from_bytes
from email.header import decode_header, make_header

import pytest
import zmq

aiosmtpd_controller = pytest.importorskip("aiosmtpd.controller")
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

BIN_DIR = os.environ.get("MARQUEE_BIN_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))
SECRET = "webhook-s3cret"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(what, condition, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


class Mailbox:
    """aiosmtpd handler keeping every message it accepted."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.mail_from, list(envelope.rcpt_tos), envelope.content, session.authenticated))
        return "250 OK"


def authenticate(server, session, envelope, mechanism, auth_data):
    ok = isinstance(auth_data, LoginPassword) and auth_data.login == b"marquee" and auth_data.password == b"smtp-pw"
    return AuthResult(success=ok)


class Receiver(http.server.BaseHTTPRequestHandler):
    calls = []
    statuses = []

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        Receiver.calls.append((self.path, dict(self.headers), body))
        status = Receiver.statuses.pop(0) if Receiver.statuses else 200
        self.send_response(status)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args):
        pass


@pytest.fixture()
def workdir():
    with tempfile.TemporaryDirectory(prefix="marquee-notify-py-") as path:
        yield path


@pytest.fixture()
def certificate(workdir):
    cert, key = os.path.join(workdir, "smtp.pem"), os.path.join(workdir, "smtp.key")
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
         "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        check=True, capture_output=True)
    return cert, key


@pytest.fixture()
def smtp(certificate):
    cert, key = certificate
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(cert, key)
    mailbox = Mailbox()
    port = free_port()
    controller = aiosmtpd_controller.Controller(
        mailbox, hostname="127.0.0.1", port=port, tls_context=context, require_starttls=True,
        authenticator=authenticate, auth_required=True)
    controller.start()
    try:
        yield port, mailbox
    finally:
        controller.stop()


@pytest.fixture()
def receiver():
    Receiver.calls, Receiver.statuses = [], [500]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


def start(command, ready, env=None):
    process = subprocess.Popen(command, stdout=subprocess.PIPE, text=True, env=env)
    line = process.stdout.readline()
    if not line.startswith(ready):
        process.kill()
        process.wait()
        raise AssertionError(f"{command[0]} did not start: {line!r}")
    return process, line


def stop(process):
    process.terminate()
    try:
        assert process.wait(timeout=15) == 0
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()


@pytest.fixture()
def bus(workdir):
    ports = [free_port() for _ in range(4)]
    endpoints = dict(zip(("ingress", "fanout", "control", "group"), (f"tcp://127.0.0.1:{p}" for p in ports)))
    process, _ = start(
        [os.path.join(BIN_DIR, "marquee-bus"), "--data", os.path.join(workdir, "bus"), "--insecure",
         "--log-level", "warning"] + [arg for name in endpoints for arg in (f"--{name}", endpoints[name])],
        "marquee-bus ready")
    try:
        yield endpoints
    finally:
        stop(process)


@pytest.fixture()
def notify(workdir, bus, smtp, receiver, certificate):
    smtp_port, _ = smtp
    password = os.path.join(workdir, "smtp-password")
    with open(password, "w") as f:
        f.write("smtp-pw\n")
    config = os.path.join(workdir, "notify.yaml")
    with open(config, "w") as f:
        f.write(f"""
dashboard_url: http://dash.example/
email:
  host: 127.0.0.1
  port: {smtp_port}
  from: "Marquee <marquee@example.com>"
  security: starttls
  trust_roots_file: {certificate[0]}
  username: marquee
  password_file: {password}
webhooks:
  - {{name: audit, format: signed, url: "http://127.0.0.1:{receiver}/audit", secret_env: NOTIFY_TEST_SECRET}}
people:
  fiona: {{channels: {{escalation: [email]}}}}
retry: {{max_attempts: 4, first_delay_ms: 200, max_delay_ms: 1000}}
""")
    env = dict(os.environ, NOTIFY_TEST_SECRET=SECRET)
    command = [os.path.join(BIN_DIR, "marquee-notify"), "--notify-config", config, "--data", os.path.join(workdir, "notify"),
               "--http", "127.0.0.1:0", "--poll-ms", "100", "--log-level", "warning",
               "--bus-ingress", bus["ingress"], "--bus-fanout", bus["fanout"], "--bus-control", bus["control"],
               "--bus-group", bus["group"]]
    process, line = start(command, "marquee-notify ready", env)
    try:
        yield "http://" + line.split("http=")[1].strip()
    finally:
        stop(process)


def now():
    return datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.000Z")


def escalation(campaign, reason, role, subject):
    return {
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": "tests/python", "type": "campaign.escalation.raised",
        "time": now(), "subject": campaign, "datacontenttype": "application/json", "correlationid": str(uuid.uuid4()),
        "data": {"escalation": {"reason": reason, "campaign_id": campaign, "notify_role": role, "raise_flag": False,
                                "log_request": False, "subject": subject}, "station": "approvals"},
    }


def publish(endpoint, envelopes, publish_ids=None):
    context = zmq.Context()
    try:
        dealer = context.socket(zmq.DEALER)
        dealer.connect(endpoint)
        for index, envelope in enumerate(envelopes):
            publish_id = publish_ids[index] if publish_ids else envelope["id"]
            dealer.send_multipart([envelope["type"].encode(), json.dumps(envelope).encode(), publish_id.encode()])
        seqs = []
        while len(seqs) < len(envelopes):
            assert dealer.poll(5000), "no ack"
            frames = dealer.recv_multipart()
            assert frames[0] == b"OK", frames
            seqs += [struct.unpack(">Q", frames[i + 1])[0] for i in range(1, len(frames), 2)]
        dealer.close()
        return seqs
    finally:
        context.destroy(linger=0)


def replay(endpoint, prefix):
    context = zmq.Context()
    try:
        dealer = context.socket(zmq.DEALER)
        dealer.connect(endpoint)
        dealer.send_multipart([b"REPLAY", b"r1", struct.pack(">Q", 1), prefix, struct.pack(">I", 1000)])
        assert dealer.poll(5000)
        reply = dealer.recv_multipart()
        dealer.close()
        body = reply[5:]
        return [json.loads(body[i + 2]) for i in range(0, len(body), 3)]
    finally:
        context.destroy(linger=0)


def metric(base, name, labels):
    text = urllib.request.urlopen(base + "/metrics", timeout=5).read().decode()
    match = re.search(re.escape(name) + r"\{" + re.escape(labels) + r"\} (\S+)", text)
    return float(match.group(1)) if match else None


def test_escalations_arrive_once_by_email_inbox_and_a_signed_webhook_retried_after_a_500(bus, smtp, notify):
    _, mailbox = smtp
    delayed = escalation("cmp-py-1", "delayed_approval", "marketing_ops_lead", "legal")
    budget = escalation("cmp-py-2", "budget_issue", "finance_ops", "finance")
    publish(bus["ingress"], [delayed, budget])

    wait_for("two emails", lambda: len(mailbox.messages) >= 2)
    wait_for("two webhook deliveries after a retry", lambda: len(Receiver.calls) >= 3)

    by_recipient = {tuple(rcpt): (sender, content, authed) for sender, rcpt, content, authed in mailbox.messages}
    assert set(by_recipient) == {("lena@example.com",), ("fiona@example.com",)}
    sender, content, authed = by_recipient[("lena@example.com",)]
    assert sender == "marquee@example.com" and authed
    message = message_from_bytes(content)
    assert message["To"] == "lena@example.com"
    assert str(make_header(decode_header(message["Subject"]))) == "[Marquee] Escalation: cmp-py-1"
    assert message["Message-ID"].endswith("@marquee-notify>")
    body = message.get_payload(decode=True).decode()
    assert "Hello Lena Vogt," in body
    assert "Escalated (delayed_approval): legal." in body
    assert "Open: http://dash.example/campaigns/cmp-py-1" in body

    # The signed webhook: one call answered 500, then retried with the same delivery id; every signature verifies.
    calls = Receiver.calls
    deliveries = [headers["X-Marquee-Delivery"] for _, headers, _ in calls]
    assert len(calls) == 3 and len(set(deliveries)) == 2
    assert any(deliveries.count(d) == 2 for d in set(deliveries))
    for path, headers, raw in calls:
        assert path == "/audit"
        expected = "sha256=" + hmac.new(SECRET.encode(), raw, hashlib.sha256).hexdigest()
        assert hmac.compare_digest(headers["X-Marquee-Signature"], expected)
        payload = json.loads(raw)
        assert payload["sent_at"] == headers["X-Marquee-Timestamp"]
        assert payload["kind"] == "escalation"
    assert {json.loads(raw)["campaign_id"] for _, _, raw in calls} == {"cmp-py-1", "cmp-py-2"}
    assert metric(notify, "marquee_notification_retries_total", 'channel="webhook:audit"') == 1
    wait_for("sent metrics", lambda: metric(notify, "marquee_notifications_sent_total", 'channel="email"') == 2)

    # The dashboard inbox: lena by default; fiona's preference for escalations is email only.
    wait_for("inbox notification", lambda: len(replay(bus["control"], b"notification.inbox")) == 1)
    inbox = replay(bus["control"], b"notification.inbox")[0]["data"]
    assert inbox["recipient"] == "lena" and inbox["link"] == "http://dash.example/campaigns/cmp-py-1"

    # Redelivery: the same events stored again under new publish ids reach notify again and send nothing.
    seqs = publish(bus["ingress"], [delayed, budget], publish_ids=[str(uuid.uuid4()), str(uuid.uuid4())])
    health = lambda: json.loads(urllib.request.urlopen(notify + "/health", timeout=5).read())
    wait_for("notify read the redelivery", lambda: health()["inbox_last_seq"].get("notify", 0) >= max(seqs))
    time.sleep(1)  # give a wrongly re-queued message time to go out
    assert len(mailbox.messages) == 2
    assert len(Receiver.calls) == 3
    assert len(replay(bus["control"], b"notification.inbox")) == 1
