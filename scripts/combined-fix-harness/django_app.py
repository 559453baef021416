"""Pastes the combined fix for Django (argv[1], a settings.py fragment) into the settings of a real
Django app, logs a session in over https through Django's test client, and prints the response's
headers as JSON. The view follows the block's one instruction, @never_cache."""
import json
import sys

import django
from django.conf import settings

fixed = {}
exec(open(sys.argv[1]).read(), {}, fixed)
settings.configure(
    DEBUG=False,
    SECRET_KEY="combined-fix-harness-" + "x" * 40,
    ALLOWED_HOSTS=["app.example.com"],
    ROOT_URLCONF=__name__,
    INSTALLED_APPS=["django.contrib.sessions"],
    MIDDLEWARE=["django.middleware.security.SecurityMiddleware", "django.contrib.sessions.middleware.SessionMiddleware"],
    SESSION_ENGINE="django.contrib.sessions.backends.cache",
    **fixed,
)
django.setup()

from django.http import HttpResponse  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.cache import never_cache  # noqa: E402


@never_cache
def login(request):
    request.session["user"] = "demo"
    return HttpResponse("ok")


urlpatterns = [path("", login)]
response = Client(HTTP_HOST="app.example.com").get("/", secure=True)
headers = [[name, value] for name, value in response.headers.items()]
headers += [["Set-Cookie", morsel.OutputString()] for morsel in response.cookies.values()]
print(json.dumps({"producer": f"Django {django.__version__}", "headers": headers}))
