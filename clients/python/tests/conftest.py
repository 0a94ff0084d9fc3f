"""The real server process (built by `dotnet build -c Release`), on free loopback ports with --demo."""
import json
import os
import re
import shutil
import subprocess
import tempfile
import time

import pytest

REPO = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


class DemoServer:
    def __init__(self, *settings: str):
        dll = os.environ.get("CONTACT_SERVER_DLL") or os.path.join(REPO, "server/Contact.Server/bin/Release/net10.0/Contact.Server.dll")
        self.data = tempfile.mkdtemp(prefix="contact-py-")
        self.log = open(os.path.join(self.data, "server.log"), "w+")
        # In the build folder, so that the server's appsettings.json (the endpoints' protocols) applies.
        self.process = subprocess.Popen(
            ["dotnet", dll, "--demo", "--Kestrel:Endpoints:Grpc:Url=http://127.0.0.1:0",
             "--Kestrel:Endpoints:Http:Url=http://127.0.0.1:0", f"--Contact:Storage:DataDirectory={self.data}/store", *settings],
            cwd=os.path.dirname(dll), stdout=self.log, stderr=subprocess.STDOUT)
        deadline = time.time() + 90
        while True:
            self.log.seek(0)
            bound = re.findall(r"Now listening on: http://(127\.0\.0\.1:\d+)", self.log.read())
            if len(bound) == 2:
                self.target, self.http = bound
                break
            if self.process.poll() is not None or time.time() > deadline:
                self.stop()
                raise RuntimeError("the server did not start")
            time.sleep(0.2)

    def key(self, role: str) -> str:
        with open(os.path.join(self.data, "store", "demo-keys.json")) as f:
            return json.load(f)[role]

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            self.process.wait(30)
        self.log.close()
        shutil.rmtree(self.data, ignore_errors=True)


@pytest.fixture(scope="session")
def server():
    s = DemoServer()
    yield s
    s.stop()


@pytest.fixture(scope="session")
def contract():
    """Every RPC of contact.v1 as the protos declare it (protoc's descriptor set, not the SDK's)."""
    from google.protobuf import descriptor_pb2
    out = tempfile.mkdtemp(prefix="contact-desc-")
    try:
        protos = os.path.join(REPO, "protos")
        files = sorted("contact/v1/" + f for f in os.listdir(os.path.join(protos, "contact", "v1")) if f.endswith(".proto"))
        subprocess.check_call(["protoc", "-I", protos, "-I", os.path.join(protos, "third_party", "googleapis"),
                               f"--descriptor_set_out={out}/set.pb", *files], cwd=protos)
        with open(f"{out}/set.pb", "rb") as f:
            descriptor_set = descriptor_pb2.FileDescriptorSet.FromString(f.read())
    finally:
        shutil.rmtree(out, ignore_errors=True)
    return [(f"{file.package}.{service.name}", method)
            for file in descriptor_set.file if file.package == "contact.v1"
            for service in file.service for method in service.method]
