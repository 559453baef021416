#!/usr/bin/python3
"""Writes test/fixtures/signed-cookies/python.json: session cookies signed by the real Flask and
Django (Debian's python3-flask and python3-django), with a publicly known secret and with a
strong one, so the known-secrets tests check our verifier against the real implementations
without needing Python themselves.

    apt-get install -y python3-flask python3-django
    /usr/bin/python3 scripts/make-signed-cookie-fixtures.py
"""
import json
import os
import secrets

import django
import flask
from django.conf import settings

STRONG = secrets.token_hex(32)
cases = []


# A long, repetitive session compresses: its payload then starts with "." (zlib).
SMALL = {"user": "demo", "visits": 3}
LARGE = {"user": "demo", "cart": ["item-%d" % (i % 3) for i in range(60)]}


def flask_cookie(secret_key, data):
    app = flask.Flask("fixture")
    app.secret_key = secret_key

    @app.route("/login")
    def login():
        flask.session.update(data)
        return "ok"

    with app.test_client() as client:
        response = client.get("/login")
        header = response.headers["Set-Cookie"]
    name, value = header.split(";")[0].split("=", 1)
    return name, value, header


for secret_key, known, data in (("dev", True, SMALL), ("dev", True, LARGE), (STRONG, False, SMALL)):
    name, value, header = flask_cookie(secret_key, data)
    cases.append({
        "framework": "flask", "scheme": "itsdangerous", "producer": f"Flask {flask.__version__}",
        "name": name, "value": value, "setCookie": header, "secret": secret_key if known else None,
    })

settings.configure(
    SECRET_KEY="changeme",
    SESSION_ENGINE="django.contrib.sessions.backends.signed_cookies",
    INSTALLED_APPS=["django.contrib.sessions"],
)
django.setup()
from django.contrib.sessions.backends.signed_cookies import SessionStore  # noqa: E402


def django_cookie(secret_key, algorithm, data):
    settings.SECRET_KEY = secret_key
    settings.DEFAULT_HASHING_ALGORITHM = algorithm
    store = SessionStore()
    store.update(data)
    store.save()
    return store.session_key


for secret_key, known, data in (("changeme", True, SMALL), ("changeme", True, LARGE), (STRONG, False, SMALL)):
    for algorithm in ("sha256", "sha1"):
        cases.append({
            "framework": "django", "scheme": f"django-signing-{algorithm}", "producer": f"Django {django.get_version()}",
            "name": "sessionid", "value": django_cookie(secret_key, algorithm, data), "secret": secret_key if known else None,
        })

os.makedirs("test/fixtures/signed-cookies", exist_ok=True)
with open("test/fixtures/signed-cookies/python.json", "w") as out:
    json.dump({"madeBy": "scripts/make-signed-cookie-fixtures.py", "cases": cases}, out, indent=2)
    out.write("\n")
print(f"wrote {len(cases)} cases")
