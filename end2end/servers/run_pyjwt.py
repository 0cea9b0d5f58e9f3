"""Runs the cases of compare.mjs through the real PyJWT ``jwt.decode``, its clock frozen at the
cases' ``now``. Reads ``{"now": …, "cases": [{"id", "token", "hand", "options"}]}`` on standard
input; writes ``{"pyjwt": version, "cryptography": version, "results": {id: result}}``, where a
result is ``{"ok": true}`` or ``{"ok": false, "exception": class name, "message": str(exc)}``.

Keys are handed over as the debugger's core documents (crates/jwt-core/src/servers/mod.rs):
no key leaves ``key`` at its default; bytes go as ``str`` when they are UTF-8, else as ``bytes``;
a JWK goes as ``jwt.PyJWK(jwk)``.
"""

import datetime
import json
import re
import sys
import warnings

import cryptography
import jwt
import jwt.api_jwt

doc = json.load(sys.stdin)
NOW = doc["now"]


class FrozenClock(datetime.datetime):
    """``datetime`` whose ``now()`` is the cases' clock (PyJWT reads it in _validate_claims)."""

    @classmethod
    def now(cls, tz=None):
        return datetime.datetime.fromtimestamp(NOW, tz=tz)


jwt.api_jwt.datetime = FrozenClock

# check_crypto_key_type's message holds a generator's memory address: written 0x… by the core.
ADDRESS = re.compile(r" at 0x[0-9a-f]+")


def key_args(hand):
    kind = hand["kind"]
    if kind == "none":
        return ()
    if kind == "bytes":
        raw = bytes.fromhex(hand["hex"])
        try:
            return (raw.decode("utf-8"),)
        except UnicodeDecodeError:
            return (raw,)
    if kind == "jwk":
        return (jwt.PyJWK(json.loads(hand["text"])),)
    raise ValueError("unknown key hand " + kind)


def list_or_one(values):
    return values[0] if len(values) == 1 else values


def decode_kwargs(o):
    kw = {"leeway": o.get("clockTolerance", 0)}
    if o.get("algorithms") is not None:
        kw["algorithms"] = o["algorithms"]
    if o.get("audience"):
        kw["audience"] = list_or_one(o["audience"])
    if o.get("issuer"):
        kw["issuer"] = list_or_one(o["issuer"])
    if o.get("subject") is not None:
        kw["subject"] = o["subject"]
    options = {}
    if o.get("ignoreExpiration"):
        options["verify_exp"] = False
    if o.get("ignoreNotBefore"):
        options["verify_nbf"] = False
    if options:
        kw["options"] = options
    return kw


def run(case):
    try:
        jwt.decode(case["token"], *key_args(case["hand"]), **decode_kwargs(case["options"]))
        return {"ok": True}
    except Exception as e:  # noqa: BLE001 - every class counts, PyJWT's and the others
        return {"ok": False, "exception": type(e).__name__, "message": ADDRESS.sub(" at 0x…", str(e))}


results = {}
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # InsecureKeyLengthWarning: a warning, not an answer
    for case in doc["cases"]:
        results[case["id"]] = run(case)

json.dump(
    {"pyjwt": jwt.__version__, "cryptography": cryptography.__version__, "results": results},
    sys.stdout,
    ensure_ascii=False,
)
