#!/usr/bin/python3
"""A real Django app with Django's own login form (CSRF token included), for the --flow test.

    /usr/bin/python3 test/flows/django_app.py <port>

Prints READY when it listens on 127.0.0.1:<port>. User "demo", password "demo-password-1".
Django's default session engine (database), its LoginView (which rotates the session key at login)
and LogoutView (which flushes the session and deletes the cookie).
"""
import os
import sys
import tempfile

import django
from django.conf import settings

PORT = int(sys.argv[1])
TEMPLATES_DIR = tempfile.mkdtemp()
os.makedirs(os.path.join(TEMPLATES_DIR, "registration"))
with open(os.path.join(TEMPLATES_DIR, "registration", "login.html"), "w") as out:
    out.write('<form method="post" id="login">{% csrf_token %}{{ form.as_p }}<button>Log in</button></form>')
with open(os.path.join(TEMPLATES_DIR, "profile.html"), "w") as out:
    out.write('<p>Logged in as {{ user.username }}</p><form method="post" action="/accounts/logout/" id="logout">{% csrf_token %}<button>Log out</button></form>')

settings.configure(
    DEBUG=False,
    SECRET_KEY="django-flow-test-" + os.urandom(16).hex(),
    ALLOWED_HOSTS=["127.0.0.1", "localhost"],
    ROOT_URLCONF=__name__,
    DATABASES={"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": os.path.join(TEMPLATES_DIR, "db.sqlite3")}},
    INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes", "django.contrib.sessions"],
    MIDDLEWARE=[
        "django.contrib.sessions.middleware.SessionMiddleware",
        "django.middleware.csrf.CsrfViewMiddleware",
        "django.contrib.auth.middleware.AuthenticationMiddleware",
    ],
    TEMPLATES=[{"BACKEND": "django.template.backends.django.DjangoTemplates", "DIRS": [TEMPLATES_DIR],
                "OPTIONS": {"context_processors": ["django.contrib.auth.context_processors.auth"]}}],
    LOGIN_REDIRECT_URL="/profile/",
    LOGOUT_REDIRECT_URL="/accounts/login/",
    DEFAULT_AUTO_FIELD="django.db.models.AutoField",
)
django.setup()

from django.contrib.auth import views as auth_views  # noqa: E402
from django.contrib.auth.decorators import login_required  # noqa: E402
from django.contrib.auth.models import User  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.shortcuts import render  # noqa: E402
from django.urls import path  # noqa: E402


@login_required
def profile(request):
    return render(request, "profile.html")


urlpatterns = [
    path("accounts/login/", auth_views.LoginView.as_view()),
    path("accounts/logout/", auth_views.LogoutView.as_view()),
    path("profile/", profile),
]

call_command("migrate", verbosity=0, interactive=False)
User.objects.create_user("demo", password="demo-password-1")

from wsgiref.simple_server import WSGIRequestHandler, make_server  # noqa: E402

from django.core.wsgi import get_wsgi_application  # noqa: E402


class QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


server = make_server("127.0.0.1", PORT, get_wsgi_application(), handler_class=QuietHandler)
print("READY", flush=True)
server.serve_forever()
