"""Black-box test of the "Security" section of docs/protocol.md: a pyzmq CURVE client against a real
marquee-bus started with a security file whose keys were made by pyzmq."""
import json
import os
import shutil
import socket
import struct
import subprocess
import tempfile
import uuid

import pytest
import zmq

BIN_DIR = os.environ.get("MARQUEE_BIN_DIR", os.path.join(os.path.dirname(__file__), "..", "..", ".build", "debug"))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture()
def secure_bus():
    directory = tempfile.mkdtemp(prefix="marquee-py-sec-")
    server_public, server_secret = zmq.curve_keypair()
    client_public, client_secret = zmq.curve_keypair()
    with open(os.path.join(directory, "bus.secret"), "wb") as f:
        f.write(server_secret + b"\n")
    with open(os.path.join(directory, "bus-security.yaml"), "w") as f:
        f.write("server:\n  secret_key_file: bus.secret\nclients:\n"
                f"  - name: intake\n    public_key: \"{client_public.decode()}\"\n    publish: [campaign.intake.]\n")
    ingress = f"tcp://127.0.0.1:{free_port()}"
    control = f"tcp://127.0.0.1:{free_port()}"
    process = subprocess.Popen(
        [os.path.join(BIN_DIR, "marquee-bus"), "--data", os.path.join(directory, "journal"), "--ingress", ingress,
         "--fanout", "tcp://127.0.0.1:*", "--control", control, "--group", "tcp://127.0.0.1:*",
         "--log-level", "error", "--security", os.path.join(directory, "bus-security.yaml")],
        stdout=subprocess.PIPE, text=True)
    try:
        line = process.stdout.readline()
        assert line.startswith("marquee-bus ready"), line
        yield {"ingress": ingress, "control": control, "server_key": server_public, "client": (client_public, client_secret)}
    finally:
        process.terminate()
        assert process.wait(timeout=10) == 0
        shutil.rmtree(directory, ignore_errors=True)


def curve_dealer(context, bus, keys, endpoint="ingress"):
    dealer = context.socket(zmq.DEALER)
    dealer.curve_serverkey = bus["server_key"]
    dealer.curve_publickey, dealer.curve_secretkey = keys
    dealer.linger = 0
    dealer.rcvtimeo = 3000
    dealer.connect(bus[endpoint])
    return dealer


def envelope(source):
    return json.dumps({"specversion": "1.0", "id": str(uuid.uuid4()), "source": source,
                       "type": "campaign.intake.held", "data": {}}).encode()


def test_a_listed_key_publishes_within_its_prefixes_and_sources_only(secure_bus):
    context = zmq.Context()
    dealer = curve_dealer(context, secure_bus, secure_bus["client"])
    dealer.send_multipart([b"campaign.intake.held", envelope("marquee/intake"), b"ok-1"])
    assert dealer.recv_multipart()[:2] == [b"OK", b"ok-1"]
    dealer.send_multipart([b"qa.passed", envelope("marquee/intake"), b"no-1"])
    assert dealer.recv_multipart()[:3] == [b"ERR", b"no-1", b"forbidden"]
    dealer.send_multipart([b"campaign.intake.held", envelope("marquee/build"), b"no-2"])
    reply = dealer.recv_multipart()
    assert reply == [b"ERR", b"no-2", b"forbidden", b"identity intake may not publish as source marquee/build"]
    control = curve_dealer(context, secure_bus, secure_bus["client"], "control")
    control.send_multipart([b"REPLAY", b"r-1", struct.pack(">Q", 1), b"", struct.pack(">I", 10), b"identity"])
    records = control.recv_multipart()
    assert records[:2] == [b"RECORDS", b"r-1"]
    assert records[5:7] == [b"campaign.intake.held", struct.pack(">Q", 1)] and records[8:] == [b"intake"]
    control.send_multipart([b"REPLAY", b"r-2", struct.pack(">Q", 1), b"", struct.pack(">I", 10)])
    assert len(control.recv_multipart()) == 5 + 3
    control.close()
    dealer.close()
    context.term()


def test_an_unknown_key_gets_no_answer(secure_bus):
    context = zmq.Context()
    dealer = curve_dealer(context, secure_bus, zmq.curve_keypair())
    dealer.rcvtimeo = 1000
    dealer.send_multipart([b"campaign.intake.held", envelope("marquee/intake"), b"x-1"])
    with pytest.raises(zmq.Again):
        dealer.recv_multipart()
    dealer.close()
    context.term()
