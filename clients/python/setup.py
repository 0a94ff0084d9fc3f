"""Generates the gRPC stubs from the protos at build time (protoc + grpc_python_plugin, from Debian's
protobuf-compiler and protobuf-compiler-grpc), into the build folder beside contact_client:

  contact/v1/*_pb2.py, *_pb2_grpc.py       the contracts (package contact.v1)
  google/{api,rpc,type}/*_pb2.py           the Google protos they import, and google.rpc's error
                                           details; google.protobuf comes from the protobuf package.

No google/__init__.py is written: google stays a namespace package, so protobuf's google.protobuf
is still found. Nothing generated is committed.
"""
import os
import re
import shutil
import subprocess

from setuptools import setup
from setuptools.command.build_py import build_py

HERE = os.path.dirname(os.path.abspath(__file__))


def proto_root():
    # In the repository the contracts are at ../../protos; an sdist carries them in protos/.
    for candidate in (os.path.join(HERE, "protos"), os.path.join(HERE, "..", "..", "protos")):
        if os.path.isdir(os.path.join(candidate, "contact", "v1")):
            return os.path.normpath(candidate)
    raise SystemExit("contact-client: the protos (contact/v1/*.proto) are not beside setup.py or at ../../protos")


def google_imports(roots, files):
    """The googleapis protos the given files import, transitively (google/protobuf/* excluded)."""
    seen, todo = set(), list(files)
    while todo:
        path = todo.pop()
        source = next(os.path.join(r, path) for r in roots if os.path.exists(os.path.join(r, path)))
        with open(source, encoding="utf-8") as f:
            for imported in re.findall(r'^import\s+(?:public\s+)?"([^"]+)"', f.read(), re.M):
                if imported.startswith("google/") and not imported.startswith("google/protobuf/") and imported not in seen:
                    seen.add(imported)
                    todo.append(imported)
    return sorted(seen)


def generate(out):
    root = proto_root()
    googleapis = os.path.join(root, "third_party", "googleapis")
    roots = [root, googleapis]
    contracts = sorted("contact/v1/" + f for f in os.listdir(os.path.join(root, "contact", "v1")) if f.endswith(".proto"))
    google = google_imports(roots, contracts + ["google/rpc/status.proto", "google/rpc/error_details.proto"])
    google = sorted(set(google) | {"google/rpc/status.proto", "google/rpc/error_details.proto"})
    plugin = shutil.which("grpc_python_plugin") or "/usr/bin/grpc_python_plugin"
    protoc = shutil.which("protoc") or "/usr/bin/protoc"
    base = [protoc, "-I", root, "-I", googleapis, "--python_out=" + out]
    subprocess.check_call(base + ["--grpc_out=" + out, "--plugin=protoc-gen-grpc=" + plugin] + contracts)
    subprocess.check_call(base + google)
    # Packages: contact and contact.v1 regular ones; google.* namespace packages.
    for package in ("contact", "contact/v1"):
        open(os.path.join(out, package, "__init__.py"), "a").close()
    for sub in {os.path.dirname(g) for g in google}:
        open(os.path.join(out, sub, "__init__.py"), "a").close()


class BuildWithStubs(build_py):
    def run(self):
        super().run()
        generate(self.build_lib)


setup(cmdclass={"build_py": BuildWithStubs})
