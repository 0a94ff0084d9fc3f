import os
import socket
import subprocess
import sys
import tempfile
import threading

import grpc
import pytest
from google.protobuf import descriptor_pb2

from contact.v1 import common_pb2, grants_pb2, register_pb2
from contact_client import SERVICES, ContactClient, ContactError, is_idempotent

from conftest import REPO


def test_every_rpc_of_every_service_reaches_the_server(server, contract):
    assert len(contract) >= 60
    by_name = {d.full_name: name for name, (d, _) in SERVICES.items()}
    missing = []
    with ContactClient(server.target, max_attempts=1) as client:   # no key: nothing is changed
        for service, method in contract:
            if service not in by_name or not hasattr(getattr(client, by_name[service]), method.name):
                missing.append(f"{service}/{method.name}")
                continue
            call = getattr(getattr(client, by_name[service]), method.name)
            request_type = _message(method.input_type)
            with pytest.raises(ContactError) as refused:
                if method.client_streaming:
                    call(iter([]))
                elif method.server_streaming:
                    next(iter(call(request_type())))
                else:
                    call(request_type())
            # UNIMPLEMENTED would mean the server does not know the RPC.
            assert refused.value.code == grpc.StatusCode.UNAUTHENTICATED, f"{service}/{method.name}"
    assert missing == []


def test_retries_exactly_what_the_contract_marks_idempotent(contract):
    methods = {d.full_name: d for d, _ in SERVICES.values()}
    for service, method in contract:
        marked = method.options.idempotency_level != descriptor_pb2.MethodOptions.IDEMPOTENCY_UNKNOWN
        assert is_idempotent(methods[service].methods_by_name[method.name]) == marked, f"{service}/{method.name}"


def test_refusals_are_typed_with_their_fields(server):
    with ContactClient(server.target, server.key("practitioner")) as client:
        with pytest.raises(ContactError) as refused:
            client.register.FindNearestCentres(register_pb2.FindNearestCentresRequest(limit=500))
    assert refused.value.code == grpc.StatusCode.INVALID_ARGUMENT
    assert sorted(f.field for f in refused.value.fields) == ["contact_type", "limit", "origin"]


def test_each_pages_a_list_every_item_once(server):
    with ContactClient(server.target, server.key("nct")) as client:
        first = client.register.ListCentres(register_pb2.ListCentresRequest(page_size=25))
        names = [c.name for c in client.each(register_pb2.ListCentresRequest(page_size=25))]
        assert first.next_page_token and len(names) > 100
        assert len(set(names)) == len(names)
        assert names[:25] == [c.name for c in first.centres]
        # A List with no paging in its contract iterates too.
        assert all(r.name for r in client.each(grants_pb2.ListGrantRoundsRequest()))


def test_follow_resumes_after_its_last_sequence_when_the_connection_breaks(server):
    with ContactClient(server.target, server.key("nct")) as client:
        reference = []
        for m in client.register.WatchAccreditationChanges(register_pb2.WatchAccreditationChangesRequest()):
            reference.append(m.change.sequence)
            if len(reference) == 60:
                break
    with CuttingProxy(server.target, cut_after_bytes=3000, cuts=3) as proxy, \
            ContactClient(proxy.target, server.key("nct")) as client:
        seen, resumed_after = [], []
        for m in client.follow(register_pb2.WatchAccreditationChangesRequest(), backoff=0.02,
                               on_reconnect=lambda after, _: resumed_after.append(after)):
            seen.append(m.change.sequence)
            if len(seen) == 60:
                break
    assert len(resumed_after) == 3
    assert all(after in seen for after in resumed_after)
    assert seen == reference   # nothing missed, nothing twice


def test_the_package_installs_into_a_new_venv_and_runs_the_example(server):
    with tempfile.TemporaryDirectory(prefix="contact-venv-") as project:
        venv = os.path.join(project, "venv")
        subprocess.check_call([sys.executable, "-m", "venv", "--system-site-packages", venv])
        python = os.path.join(venv, "bin", "python")
        subprocess.check_call([python, "-m", "pip", "install", "-q", "--no-build-isolation", "--no-deps",
                               os.path.join(REPO, "clients", "python")], cwd=project)
        script = os.path.join(project, "referral.py")
        with open(os.path.join(REPO, "clients", "python", "examples", "referral.py")) as f, open(script, "w") as out:
            out.write(f.read())
        result = subprocess.run([python, script, "NG1 5HJ"], cwd=project, capture_output=True, text=True, timeout=120,
                                env={**os.environ, "CONTACT_TARGET": server.target, "CONTACT_API_KEY": server.key("practitioner")})
        assert result.returncode == 0, result.stderr
        assert "miles" in result.stdout
        assert "REFERRAL_STATUS_SUBMITTED" in result.stdout


def _message(type_name):
    from google.protobuf import symbol_database
    return symbol_database.Default().GetSymbol(type_name.lstrip("."))


class CuttingProxy:
    """A TCP proxy to the server that cuts its first `cuts` connections after `cut_after_bytes` from it."""

    def __init__(self, target, cut_after_bytes, cuts):
        host, port = target.rsplit(":", 1)
        self._upstream = (host, int(port))
        self._cut_after, self._cuts = cut_after_bytes, cuts
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.target = f"127.0.0.1:{self._listener.getsockname()[1]}"
        self._sockets = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        connections = 0
        while True:
            try:
                inbound, _ = self._listener.accept()
            except OSError:
                return
            outbound = socket.create_connection(self._upstream)
            self._sockets += [inbound, outbound]
            limit = self._cut_after if connections < self._cuts else None
            connections += 1
            threading.Thread(target=self._pipe, args=(inbound, outbound, None), daemon=True).start()
            threading.Thread(target=self._pipe, args=(outbound, inbound, limit), daemon=True).start()

    @staticmethod
    def _pipe(source, sink, limit):
        sent = 0
        try:
            while chunk := source.recv(16384):
                if limit is not None and sent + len(chunk) >= limit:
                    sink.sendall(chunk[:limit - sent])
                    break
                sink.sendall(chunk)
                sent += len(chunk)
        except OSError:
            pass
        for s in (source, sink):
            try:
                s.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass
            s.close()

    def __enter__(self):
        return self

    def __exit__(self, *_):
        self._listener.close()
        for s in self._sockets:
            try:
                s.close()
            except OSError:
                pass
