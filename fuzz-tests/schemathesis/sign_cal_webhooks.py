"""Schemathesis hooks for the ChurchHub api (loaded through SCHEMATHESIS_HOOKS).

Signs webhook deliveries the way Cal.com does, so schemathesis reaches past the signature check:
X-Cal-Signature-256 is an HMAC of the exact bytes sent, which only exist once `requests` has
serialised the body, so the signature is set on the prepared request, just before it goes out.
Only a header value of the documented shape (64 hex digits: schemathesis' positive data) is
replaced by the real signature; a missing or malformed one (negative data) goes out as generated
and must be answered 401.
"""

import hashlib
import hmac
import os
import re

import requests.adapters

SECRET = os.environ["CHURCHHUB_FUZZ_WEBHOOK_SECRET"].encode()
HEX_SHA256 = re.compile(r"^[0-9a-fA-F]{64}$")
HEADER = "X-Cal-Signature-256"

_send = requests.adapters.HTTPAdapter.send


def _signed_send(self, request, *args, **kwargs):
    if request.path_url.startswith("/webhooks/cal") and HEX_SHA256.match(request.headers.get(HEADER, "")):
        body = request.body or b""
        if isinstance(body, str):
            body = body.encode("utf-8")
        request.headers[HEADER] = hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    return _send(self, request, *args, **kwargs)


requests.adapters.HTTPAdapter.send = _signed_send
