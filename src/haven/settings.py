"""Haven's one settings file. Everything that differs between machines comes from the environment."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import dj_database_url
from django.utils.translation import gettext_lazy as _

from haven.env import env, env_bool, env_int, env_secret

BASE_DIR = Path(__file__).resolve().parent
PROJECT_DIR = BASE_DIR.parent.parent
VAR_DIR = Path(env("HAVEN_VAR_DIR", str(PROJECT_DIR / "var")))

DEBUG = env_bool("HAVEN_DEBUG", False)


def _local_secret_key() -> str:
    """A key kept in the var folder for machines that set none (the demo, a developer's laptop)."""
    path = VAR_DIR / "secret-key"
    if not path.exists():
        VAR_DIR.mkdir(parents=True, exist_ok=True)
        path.touch(mode=0o600)
        path.write_text(secrets.token_urlsafe(50), encoding="utf-8")
    return path.read_text(encoding="utf-8").strip()


SECRET_KEY = env_secret("HAVEN_SECRET_KEY") or _local_secret_key()
ALLOWED_HOSTS = [h for h in env("HAVEN_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver").split(",") if h]

INSTALLED_APPS = [
    "haven.accounts.admin_apps.HavenAdminConfig",  # Django's admin behind Haven's own login
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "haven.accounts",
    "haven.audit",
    "haven.cases",
    "haven.evidence",
    "haven.assessment",
    "haven.registries",
    "haven.demo",
    "haven.intake",
    "haven.api",
    "haven.selection",
    "haven.referral",
    "haven.consent",
    "haven.radar",
    "haven.alerts",
    "haven.dashboard",
    "haven.work",
    "haven.serving",
    "django_tasks",
    "django_tasks_db",
    "haven.jobs",
]

MIDDLEWARE = [
    "haven.serving.middleware.TrustedProxyMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "haven.accounts.middleware.TwoFactorMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "haven.accounts.middleware.SecurityHeadersMiddleware",
]

ROOT_URLCONF = "haven.urls"
WSGI_APPLICATION = "haven.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "haven.accounts.context.membership",
                "haven.work.context.work_count",
            ],
        },
    },
]
# Inputs, selects, options and text areas are written in Python, as Django's templates write them.
FORM_RENDERER = "haven.form_widgets.WidgetRenderer"


def _private_sqlite_file(name: str) -> None:
    """Create a new SQLite database file readable by Haven's user alone (SQLite gives its WAL and shared
    memory files the database file's mode), whatever the umask of the process that opens it first."""
    if not name or name == ":memory:" or name.startswith("file:"):
        return
    path = Path(name)
    if path.parent.is_dir() and not path.exists():
        try:
            os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
        except FileExistsError:
            pass  # another process made it first, the same way


def _database() -> dict[str, object]:
    url = env("DATABASE_URL")
    if not url:
        VAR_DIR.mkdir(mode=0o700, parents=True, exist_ok=True)
        url = f"sqlite:///{VAR_DIR / 'haven.sqlite3'}"
    config: dict[str, object] = dict(
        dj_database_url.parse(url, conn_max_age=env_int("HAVEN_DB_CONN_MAX_AGE", 60), conn_health_checks=True)
    )
    if config["ENGINE"] == "django.db.backends.sqlite3":
        _private_sqlite_file(str(config["NAME"]))
        config["OPTIONS"] = {"init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"}
        config["CONN_MAX_AGE"] = 0
    elif config["ENGINE"] == "django.db.backends.postgresql":
        # A connection is kept between a worker's requests (60 s unless HAVEN_DB_CONN_MAX_AGE says
        # otherwise; 0 closes it after each): a new one costs 4-7 ms and a server process forked on the
        # same cores, on every page. It is checked before a request reuses it.
        #
        # PostgreSQL compiles a query it estimates costly (just-in-time) before running it: a quarter of a
        # second or more spent compiling the dashboard's or the radar's few aggregates over a large
        # coalition, which then run in a tenth of that. A page's queries are short; a URL that sets its
        # own server options keeps them.
        given = config.get("OPTIONS")
        options: dict[str, object] = dict(given) if isinstance(given, dict) else {}
        options.setdefault("options", "-c jit=off")
        config["OPTIONS"] = options
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Argon2 first: new and changed passwords are hashed with it; older hashes are upgraded at login.
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "login"

LANGUAGE_CODE = "en"
LANGUAGES = [("en", _("English")), ("fr", _("French")), ("ru", _("Russian"))]
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "evidence" / "locale_pages"]  # the evidence pages' own
TIME_ZONE = env("HAVEN_TIME_ZONE", "America/New_York")
USE_I18N = True
# One date format per language: 2026-03-06 in English (as Canada writes it), 06.03.2026 in Russian.
FORMAT_MODULE_PATH = ["haven.formats"]
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = Path(env("HAVEN_STATIC_ROOT", str(VAR_DIR / "static")))  # where `haven collectstatic` writes
STATICFILES_DIRS = [BASE_DIR / "static"]  # Haven's own stylesheet; nothing is fetched from elsewhere

# --- Login, sessions and HTTP security -------------------------------------------------------------
# Production (HAVEN_PRODUCTION=1) means HTTPS behind a proxy: secure cookies, HSTS, redirects to HTTPS.
PRODUCTION = env_bool("HAVEN_PRODUCTION", False)
# HAVEN_INSECURE_HTTP_FOR_TESTS=1 lets a production configuration answer plain HTTP (no HTTPS redirect,
# no HSTS, cookies without Secure) so that a test can start `haven serve` on a loopback port and fetch
# pages. Refused unless every allowed host is a loopback name, and `haven serve` then binds loopback only.
INSECURE_HTTP_FOR_TESTS = env_bool("HAVEN_INSECURE_HTTP_FOR_TESTS", False)
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]", "testserver"})
if INSECURE_HTTP_FOR_TESTS and not set(ALLOWED_HOSTS) <= LOOPBACK_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured(
        "HAVEN_INSECURE_HTTP_FOR_TESTS is for tests on this machine: HAVEN_ALLOWED_HOSTS may then name "
        "only 127.0.0.1, localhost or ::1."
    )
HTTPS = PRODUCTION and not INSECURE_HTTP_FOR_TESTS
# Sessions end after this much inactivity: every request pushes the expiry forward.
SESSION_COOKIE_AGE = env_int("HAVEN_SESSION_IDLE_SECONDS", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True
# The first reads the signed-in user with their membership in one query; Django's own stays listed so
# that sessions begun before it keep working.
AUTHENTICATION_BACKENDS = [
    "haven.accounts.backends.MembershipBackend",
    "django.contrib.auth.backends.ModelBackend",
]
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
SESSION_COOKIE_NAME = "__Host-haven-session" if HTTPS else "haven-session"
CSRF_COOKIE_HTTPONLY = True
CSRF_COOKIE_NAME = "__Host-haven-csrf" if HTTPS else "haven-csrf"
SESSION_COOKIE_SECURE = HTTPS or env_bool("HAVEN_SECURE_COOKIES", False)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_SSL_REDIRECT = HTTPS
# Read only from a trusted proxy: haven.serving.middleware drops the header from anyone else.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if PRODUCTION else None
SECURE_HSTS_SECONDS = 63072000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
HAVEN_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
HAVEN_LOGIN_MAX_FAILURES = env_int("HAVEN_LOGIN_MAX_FAILURES", 5)
HAVEN_LOGIN_MAX_FAILURES_PER_IP = env_int("HAVEN_LOGIN_MAX_FAILURES_PER_IP", 20)
HAVEN_API_TOKEN_DAYS = env_int("HAVEN_API_TOKEN_DAYS", 90)  # a personal API token expires after this
HAVEN_LOGIN_LOCK_SECONDS = env_int("HAVEN_LOGIN_LOCK_SECONDS", 15 * 60)

# --- Encryption at rest (haven.security) -----------------------------------------------------------
# Sensitive fields are written through this codec (see haven.security.fields): AES-256-GCM under keys that
# are never in the database, and keyed blind indexes for search. Keys come from HAVEN_KEYS (the key
# ring's JSON) or the key file HAVEN_KEYS_FILE; outside production a missing key file is generated on
# first use. In production (HAVEN_PRODUCTION) missing keys stop Haven at start-up.
INSTALLED_APPS += ["haven.security"]
HAVEN_PRODUCTION = env_bool("HAVEN_PRODUCTION", False)
HAVEN_FIELD_CODEC = env("HAVEN_FIELD_CODEC", "haven.security.codec.EncryptingCodec")
HAVEN_KEYS_FILE = Path(env("HAVEN_KEYS_FILE", str(VAR_DIR / "keys.json")))
HAVEN_FILES_DIR = Path(env("HAVEN_FILES_DIR", str(VAR_DIR / "files")))  # stored files, kept encrypted
# Where backups are kept: `haven audit-anchor` writes the audit chain's timestamped heads beside them.
HAVEN_BACKUP_DIR = Path(env("HAVEN_BACKUP_DIR", str(VAR_DIR / "backups")))
# age public keys (age1…, from `age-keygen`, separated by spaces or commas) that every backup not made
# with a passphrase is also encrypted to: their identities, kept off the machine, open a backup by hand.
HAVEN_BACKUP_RECIPIENTS = env("HAVEN_BACKUP_RECIPIENTS", "").replace(",", " ").split()
# Haven's Ed25519 key that signs referral packages (haven.referral.signing): PEM, generated on first use.
HAVEN_REFERRAL_SIGNING_KEY_FILE = Path(
    env("HAVEN_REFERRAL_SIGNING_KEY_FILE", str(VAR_DIR / "referral-signing.key"))
)
# One cache shared by every process and machine serving Haven (the API's calls-per-minute limit counts
# there): Django's database cache, a table made by `haven migrate` (haven.security.apps). A per-process
# cache would give each gunicorn worker its own count.
CACHES = {
    "default": {
        "BACKEND": "haven.security.cache.DatabaseCache",  # its increment loses no call
        "LOCATION": "haven_cache",
    }
}
SESSION_ENGINE = "haven.security.sessions"  # sessions hold searched names: sealed like any sensitive field
# --- end of encryption at rest ----------------------------------------------------------------------

# --- Evidence capture and trusted timestamps (haven.evidence.capture, haven.evidence.timestamps) ------
# URL capture fetches pages itself, from public addresses only, within these limits (seconds, bytes).
# HAVEN_CAPTURE_ALLOW_PRIVATE lets it fetch from loopback and private addresses: for tests only, refused
# in production. Pages are captured in headless Chromium (through the same guard) where it is installed;
# empty = the page's HTML alone, without a browser and without a screenshot.
HAVEN_CAPTURE_ALLOW_PRIVATE = env_bool("HAVEN_CAPTURE_ALLOW_PRIVATE", False)
# Tests only, like the above but narrower: these exact non-public addresses may be fetched from.
HAVEN_CAPTURE_ALLOW_ADDRESSES: list[str] = []
HAVEN_CAPTURE_CONNECT_TIMEOUT = env_int("HAVEN_CAPTURE_CONNECT_TIMEOUT", 5)
HAVEN_CAPTURE_READ_TIMEOUT = env_int("HAVEN_CAPTURE_READ_TIMEOUT", 10)
HAVEN_CAPTURE_TOTAL_TIMEOUT = env_int("HAVEN_CAPTURE_TOTAL_TIMEOUT", 30)
HAVEN_CAPTURE_MAX_BYTES = env_int("HAVEN_CAPTURE_MAX_BYTES", 20 * 1024 * 1024)
HAVEN_CAPTURE_MAX_REDIRECTS = env_int("HAVEN_CAPTURE_MAX_REDIRECTS", 5)
HAVEN_CAPTURE_CHROMIUM = env("HAVEN_CAPTURE_CHROMIUM", "/usr/bin/chromium")
# RFC 3161 timestamps of every stored evidence file: the authority's URL (empty = off) and the PEM file of
# the certificate(s) its tokens are verified against, which evidence bundles carry for offline checks.
HAVEN_TSA_URL = env("HAVEN_TSA_URL", "")
HAVEN_TSA_CA_FILE = env("HAVEN_TSA_CA_FILE", "")
HAVEN_TSA_TIMEOUT = env_int("HAVEN_TSA_TIMEOUT", 10)
if HAVEN_CAPTURE_ALLOW_PRIVATE and env_bool("HAVEN_PRODUCTION", False):
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("HAVEN_CAPTURE_ALLOW_PRIVATE is for tests: it must be off in production.")
# --- end of evidence capture and trusted timestamps -------------------------------------------------

# --- Background jobs (haven.jobs) -------------------------------------------------------------------
# Long jobs (captures, imports, referral packages, assessing…) go on a queue kept in Haven's database
# (django-tasks' database backend) and are run by `haven worker` processes, one or many, on one machine
# or several against the same PostgreSQL.
TASKS = {"default": {"BACKEND": env("HAVEN_TASKS_BACKEND", "django_tasks_db.DatabaseBackend")}}
# --- end of background jobs ---------------------------------------------------------------------------

HAVEN_CASES_PER_PAGE = env_int("HAVEN_CASES_PER_PAGE", 25)

# --- Alerts and email (haven.alerts) ---------------------------------------------------------------
# `haven send-alerts` announces a deadline when it is this many days away (each window once). Emails
# name a household by its reference and a link under HAVEN_SITE_URL; HAVEN_ALERT_DETAIL = "dates" adds
# the dates. Outside production emails are printed (console backend); production sends by SMTP.
HAVEN_ALERT_WINDOWS = tuple(
    sorted({int(days) for days in env("HAVEN_ALERT_WINDOWS", "14,7,2").split(",") if days.strip()})
)
HAVEN_ALERT_DETAIL = env("HAVEN_ALERT_DETAIL", "reference")
HAVEN_SITE_URL = env("HAVEN_SITE_URL", "http://127.0.0.1:8000")
EMAIL_BACKEND = env(
    "HAVEN_EMAIL_BACKEND", f"django.core.mail.backends.{'smtp' if PRODUCTION else 'console'}.EmailBackend"
)
EMAIL_HOST = env("HAVEN_EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("HAVEN_EMAIL_PORT", 587)
EMAIL_HOST_USER = env("HAVEN_EMAIL_USER", "")
EMAIL_HOST_PASSWORD = env_secret("HAVEN_EMAIL_PASSWORD")
EMAIL_USE_TLS = env_bool("HAVEN_EMAIL_USE_TLS", True)
EMAIL_TIMEOUT = env_int("HAVEN_EMAIL_TIMEOUT", 30)
DEFAULT_FROM_EMAIL = env("HAVEN_EMAIL_FROM", "Haven <haven@localhost>")
# --- end of alerts and email ------------------------------------------------------------------------

# --- Evidence files (haven.evidence) --------------------------------------------------------------
# Uploads are typed from their bytes and refused above this size (and images above this many pixels).
HAVEN_UPLOAD_MAX_BYTES = env_int("HAVEN_UPLOAD_MAX_BYTES", 100 * 1024 * 1024)
HAVEN_UPLOAD_MAX_PIXELS = env_int("HAVEN_UPLOAD_MAX_PIXELS", 64_000_000)
# Uploaded files are held in memory up to that size, never spooled in clear to a temporary file; the
# rest of a larger upload is read and dropped. Other request bodies keep Django's 2.5 MB limit.
FILE_UPLOAD_HANDLERS = ["haven.evidence.uploads.BoundedMemoryUploadHandler"]
# When a person counts as well documented: a TOML file of criteria (see the file named by default).
HAVEN_DOCUMENTATION_CRITERIA_FILE = Path(
    env("HAVEN_DOCUMENTATION_CRITERIA_FILE", str(BASE_DIR / "evidence" / "documentation.toml"))
)
# --- end of evidence files --------------------------------------------------------------------------

# --- Serving (haven.serving) -------------------------------------------------------------------------
# `haven serve` runs gunicorn; its own settings (bind, workers, threads, timeout) are read by the command.
# Requests from these proxies (addresses or networks) are believed about the client's address and about
# HTTPS (X-Forwarded-For, X-Forwarded-Proto); everyone else's forwarding headers are dropped.
HAVEN_TRUSTED_PROXIES = [
    p.strip() for p in env("HAVEN_TRUSTED_PROXIES", "127.0.0.1,::1").split(",") if p.strip()
]
# Static files are served by WhiteNoise from Haven's own processes. With the manifest (the default in
# production) `haven collectstatic` writes hashed names and gzip/brotli copies into STATIC_ROOT, served
# with a year's cache; without it (demo, tests, development) they are served from the sources as they are.
HAVEN_STATIC_MANIFEST = env_bool("HAVEN_STATIC_MANIFEST", PRODUCTION)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if HAVEN_STATIC_MANIFEST
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Without the manifest, each static request is looked up in the sources when it comes (nothing is scanned at
# start: the tests start Haven thousands of times).
WHITENOISE_USE_FINDERS = WHITENOISE_AUTOREFRESH = not HAVEN_STATIC_MANIFEST
# bench/web.py: each response says its query count and server time. Never in production.
if env_bool("HAVEN_BENCH_QUERY_COUNT", False):
    if PRODUCTION:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured("HAVEN_BENCH_QUERY_COUNT is for benchmarks: it must be off in production.")
    MIDDLEWARE.insert(0, "haven.serving.middleware.QueryCountMiddleware")
# --- end of serving ---------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "redacting": {
            "()": "haven.logs.RedactingFormatter",
            "format": "%(asctime)s %(levelname)s %(name)s %(message)s",
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "redacting"}},
    "root": {"handlers": ["console"], "level": env("HAVEN_LOG_LEVEL", "WARNING")},
}

if PRODUCTION:
    from django.core.exceptions import ImproperlyConfigured

    if not env_secret("HAVEN_SECRET_KEY"):
        raise ImproperlyConfigured("HAVEN_PRODUCTION is set: set HAVEN_SECRET_KEY or HAVEN_SECRET_KEY_FILE.")
    if DEBUG:
        raise ImproperlyConfigured("HAVEN_PRODUCTION is set: HAVEN_DEBUG must be off.")
