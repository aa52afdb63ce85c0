"""Black-box test of docs/protocol.md: a publisher, subscriber and replayer written from that page alone
with pyzmq, against a real marquee-bus process on loopback with free ports and a temp journal."""
import json
import os
import socket
import struct
import subprocess
import tempfile
import time
import uuid

import pytest
import zmq

BIN_DIR = os.environ.get("MARQUEE_BIN_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def seq(n):
    return struct.pack(">Q", n)


def unseq(frame):
    assert len(frame) == 8
    return struct.unpack(">Q", frame)[0]


@pytest.fixture()
def bus():
    data = tempfile.mkdtemp(prefix="marquee-py-")
    ports = [free_port() for _ in range(4)]
    endpoints = {name: f"tcp://127.0.0.1:{port}" for name, port in zip(("ingress", "fanout", "control", "group"), ports)}
    process = subprocess.Popen(
        [os.path.join(BIN_DIR, "marquee-bus"), "--data", data, "--ingress", endpoints["ingress"],
         "--fanout", endpoints["fanout"], "--control", endpoints["control"], "--group", endpoints["group"],
         "--log-level", "warning", "--insecure"],
        stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("marquee-bus ready"), line
        yield endpoints
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0


@pytest.fixture()
def context():
    ctx = zmq.Context()
    yield ctx
    ctx.destroy(linger=0)


def envelope(topic, data):
    return json.dumps({
        "specversion": "1.0", "id": str(uuid.uuid4()), "source": "tests/python", "type": topic,
        "time": "2026-11-24T09:00:00.000Z", "datacontenttype": "application/json", "data": data,
    }).encode()


def publish_all(context, endpoint, messages):
    """Pipelines every [topic, payload, id], then matches acks by id. Returns {id: seq}."""
    dealer = context.socket(zmq.DEALER)
    dealer.connect(endpoint)
    for topic, payload, event_id in messages:
        dealer.send_multipart([topic.encode(), payload, event_id.encode()])
    acks = {}
    poller = zmq.Poller()
    poller.register(dealer, zmq.POLLIN)
    while len(acks) < len(messages):
        assert poller.poll(5000), "no ack within 5 s"
        frames = dealer.recv_multipart()
        assert frames[0] == b"OK", frames
        for i in range(1, len(frames), 2):
            acks[frames[i].decode()] = unseq(frames[i + 1])
    dealer.close()
    return acks


def control_request(dealer, command, *args):
    request_id = uuid.uuid4().bytes[:8]
    dealer.send_multipart([command, request_id, *args])
    assert dealer.poll(5000), f"no reply to {command!r}"
    reply = dealer.recv_multipart()
    assert reply[1] == request_id
    return reply


def replay_all(context, endpoint, start, prefix=b""):
    """REPLAY pages from `start` until through >= head; returns [(seq, topic, payload)]."""
    dealer = context.socket(zmq.DEALER)
    dealer.connect(endpoint)
    records, start_seq = [], start
    while True:
        reply = control_request(dealer, b"REPLAY", seq(start_seq), prefix, struct.pack(">I", 1000))
        assert reply[0] == b"RECORDS", reply
        through, head = unseq(reply[2]), unseq(reply[3])
        body = reply[5:]
        assert len(body) % 3 == 0
        for i in range(0, len(body), 3):
            records.append((unseq(body[i + 1]), body[i].decode(), body[i + 2]))
        if through >= head:
            dealer.close()
            return records
        start_seq = through + 1


def test_publish_is_acked_with_consecutive_seqs_and_a_repeat_gets_the_same_seq(bus, context):
    messages = [("campaign.intake.held", envelope("campaign.intake.held", {"n": i}), f"py-{i}") for i in range(100)]
    acks = publish_all(context, bus["ingress"], messages)
    assert sorted(acks.values()) == list(range(1, 101))
    again = publish_all(context, bus["ingress"], messages[:3])
    assert again == {event_id: acks[event_id] for _, _, event_id in messages[:3]}


def test_bad_publishes_get_an_error_with_a_code(bus, context):
    dealer = context.socket(zmq.DEALER)
    dealer.connect(bus["ingress"])
    dealer.send_multipart([b"Bad Topic", b"{}", b"id-1"])
    assert dealer.poll(5000)
    reply = dealer.recv_multipart()
    assert reply[:3] == [b"ERR", b"id-1", b"bad_topic"]
    dealer.send_multipart([b"campaign.assigned", b"{}"])
    assert dealer.poll(5000)
    assert dealer.recv_multipart()[2] == b"bad_frames"
    dealer.close()


def test_replay_filters_by_prefix_and_pages_to_the_head(bus, context):
    messages = [(("qa.check.done" if i % 5 == 0 else "campaign.assigned"), f"{i}".encode(), f"r-{i}") for i in range(2500)]
    acks = publish_all(context, bus["ingress"], messages)
    everything = replay_all(context, bus["control"], 0)
    assert [s for s, _, _ in everything] == list(range(1, 2501))
    by_id = {event_id: payload for _, payload, event_id in messages}
    assert all(payload == by_id[f"r-{payload.decode()}"] for _, _, payload in everything)
    qa = replay_all(context, bus["control"], 1, b"qa.")
    assert [s for s, _, _ in qa] == sorted(acks[f"r-{i}"] for i in range(0, 2500, 5))
    assert {t for _, t, _ in qa} == {"qa.check.done"}


def test_ping_stats_and_errors_on_the_control_endpoint(bus, context):
    publish_all(context, bus["ingress"], [("campaign.assigned", b"{}", "s-1")])
    dealer = context.socket(zmq.DEALER)
    dealer.connect(bus["control"])
    pong = control_request(dealer, b"PING")
    assert pong[0] == b"PONG" and unseq(pong[2]) == 1 and unseq(pong[3]) == 1
    stats = json.loads(control_request(dealer, b"STATS")[2])
    assert stats["last_seq"] == 1 and stats["flush"] == "fsync" and stats["counters"]["published"] == 1
    assert control_request(dealer, b"NOPE")[2] == b"unknown_command"
    assert control_request(dealer, b"REPLAY", b"short")[2] == b"bad_request"
    dealer.close()


def test_subscriber_hands_over_from_replay_to_live_without_gap_or_duplicate(bus, context):
    publish_all(context, bus["ingress"], [("campaign.assigned", f"{i}".encode(), f"h-{i}") for i in range(50)])
    sub = context.socket(zmq.SUB)
    sub.setsockopt(zmq.SUBSCRIBE, b"campaign.")
    sub.setsockopt(zmq.SUBSCRIBE, b"_bus.head")
    sub.connect(bus["fanout"])
    time.sleep(0.2)  # let the subscription reach the broker; anything missed is replayed anyway
    publish_all(context, bus["ingress"], [("campaign.assigned", f"{i}".encode(), f"h-{i}") for i in range(50, 80)])
    # Catch up by replay, then follow live using the seq rules of the protocol.
    handled = [s for s, _, _ in replay_all(context, bus["control"], 1, b"campaign.")]
    next_seq = handled[-1] + 1
    publish_all(context, bus["ingress"], [("campaign.assigned", f"{i}".encode(), f"h-{i}") for i in range(80, 100)])
    deadline = time.time() + 10
    while next_seq <= 100 and time.time() < deadline:
        if not sub.poll(1000):
            continue
        topic, frame, _ = sub.recv_multipart()
        s = unseq(frame)
        if topic == b"_bus.head" or s < next_seq:
            continue
        if s > next_seq:  # a gap: replay it
            handled += [r for r, _, _ in replay_all(context, bus["control"], next_seq, b"campaign.") if r < s]
        handled.append(s)
        next_seq = s + 1
    assert handled == list(range(1, 101))
    sub.close()
