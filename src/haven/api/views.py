"""Pages for the API: personal tokens (made, shown once, revoked) and the API's documentation, rendered
here from the OpenAPI schema Haven serves, so that nothing is fetched from outside."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts.actor import Actor
from haven.accounts.twofactor import is_verified
from haven.api.actions import token_create, token_revoke
from haven.api.models import ApiToken, TokenScope
from haven.api.v1 import api
from haven.errors import HavenError


def _actor(request: HttpRequest) -> Actor:
    return Actor.for_user(request.user, ip=request.META.get("REMOTE_ADDR"))


def _days(text: str) -> int | None:
    try:
        return int(text)
    except ValueError:
        return None  # the longest a token may last


@require_http_methods(["GET", "POST"])
@login_required
def tokens(request: HttpRequest) -> HttpResponse:
    context: dict[str, Any] = {
        "nav": "api",
        "scopes": TokenScope.choices,
        "longest": settings.HAVEN_API_TOKEN_DAYS,
        "now": timezone.now(),
    }
    if request.method == "POST":
        try:
            context["token"], context["secret"] = token_create(
                actor=_actor(request),
                name=request.POST.get("name", ""),
                scope=request.POST.get("scope", TokenScope.READ),
                days=_days(request.POST.get("days", "")),
                second_factor_passed=is_verified(request),
            )
        except HavenError as exc:
            context["refused"] = str(exc)
    context["tokens"] = ApiToken.objects.filter(user=_actor(request).signed_in)
    response = render(request, "api/tokens.html", context)
    response["Cache-Control"] = "no-store"  # the page may show a secret once
    return response


@require_POST
@login_required
def revoke(request: HttpRequest, token_id: uuid.UUID) -> HttpResponse:
    mine = ApiToken.objects.filter(user=_actor(request).signed_in, revoked_at__isnull=True)
    token = mine.filter(public_id=token_id).first()
    if token is None:
        raise Http404
    token_revoke(actor=_actor(request), token=token)
    return redirect("api:tokens")


def _resolved(schema: dict[str, Any], schemas: dict[str, Any]) -> dict[str, Any]:
    """``schema`` itself, or the component it refers to."""
    while "$ref" in schema:
        schema = schemas[schema["$ref"].rsplit("/", 1)[-1]]
    return schema


def _body_fields(operation: dict[str, Any], schemas: dict[str, Any]) -> list[dict[str, Any]]:
    """The fields of an operation's JSON or multipart body: name, type and whether it is required."""
    content = operation.get("requestBody", {}).get("content", {})
    fields = []
    for media_type, body in content.items():
        schema = _resolved(body["schema"], schemas)
        properties = schema.get("properties", {})
        if len(properties) == 1 and not schema.get("title", "").startswith("MultiPart"):
            # Ninja wraps a single JSON body in an object named after the parameter: show its fields.
            schema = _resolved(next(iter(properties.values())), schemas)
            properties = schema.get("properties", {})
        required = set(schema.get("required", []))
        for name, field in properties.items():
            kinds = [
                f.get("type") or f.get("$ref", "").rsplit("/", 1)[-1]
                for f in field.get("anyOf") or field.get("allOf") or [field]
            ]
            label = " | ".join(k for k in kinds if k) or "object"
            fields.append({"name": name, "type": label, "required": name in required, "media": media_type})
    return fields


@require_GET
@login_required
def docs(request: HttpRequest) -> HttpResponse:
    schema = api.get_openapi_schema()
    schemas = schema.get("components", {}).get("schemas", {})
    operations = [
        {"method": method.upper(), "path": path, "fields": _body_fields(operation, schemas), **operation}
        for path, methods in schema["paths"].items()
        for method, operation in methods.items()
    ]
    return render(request, "api/docs.html", {"schema": schema, "operations": operations, "nav": "api"})
