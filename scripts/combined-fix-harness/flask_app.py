"""Pastes the combined fix for Flask (argv[1]) into a real Flask app, sets a session over https
through Flask's test client, and prints the response's headers as JSON."""
import json
import os
import sys

import flask

os.environ["SECRET_KEY"] = "combined-fix-harness-" + "x" * 40
app = flask.Flask("harness")
exec(open(sys.argv[1]).read(), {"app": app})


@app.route("/")
def login():
    flask.session["user"] = "demo"
    return "ok"


with app.test_client() as client:
    response = client.get("/", base_url="https://app.example.com")
print(json.dumps({"producer": f"Flask {flask.__version__}" if hasattr(flask, "__version__") else "Flask", "headers": [[name, value] for name, value in response.headers.items()]}))
