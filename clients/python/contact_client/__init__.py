"""The Contact API's Python SDK: `ContactClient` (a client per contact.v1 service, with the API key,
deadlines, retries from the contract, paging and resumable watches) and `ContactError`.

The messages are in the generated modules, e.g. `from contact.v1 import register_pb2`."""
from .client import SERVICES, ContactClient, is_idempotent
from .errors import ContactError, FieldViolation

__all__ = ["ContactClient", "ContactError", "FieldViolation", "SERVICES", "is_idempotent"]
__version__ = "0.2.0"
