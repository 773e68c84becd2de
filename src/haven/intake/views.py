"""Import pages: upload → preview → confirm; the template; and the export button.

The preview is the answer to the upload: the file is checked (against Haven's records too), likely
duplicates are flagged (against Haven and within the file), and an import is rehearsed (rolled back) to
say what would be created, updated or left unchanged, and who Haven has that the file no longer lists.
A row of a new household whose person Haven likely has already is held back until the preview's choice
for it: "update that household" or "a different person". Confirming imports the file held for this
session, checked again with those choices, in one transaction.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from haven.accounts.access import caseload_required
from haven.accounts.models import Organisation
from haven.errors import NotAllowed
from haven.intake import uploads
from haven.intake.actions import ImportRefused, cases_import, check_against_haven, check_can_import
from haven.intake.choices import import_choices
from haven.intake.duplicates import FileCheck, file_check, in_file_duplicates
from haven.intake.export import cases_export
from haven.intake.forms import ExportForm, UploadForm
from haven_core.intake import DateOrder, IntakeReport, read_table, validate
from haven_core.intake.columns import BY_KEY
from haven_core.intake.duplicates import DIFFERENT, resolve_duplicates
from haven_core.intake.files import FileProblem
from haven_core.intake.template import template_xlsx
from haven_core.roles import COALITION_WIDE

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
ERRORS_SHOWN = 200
CHOICE_PREFIX = "duplicate-"


def _coalition_wide(actor: Any) -> bool:
    return actor.role in COALITION_WIDE


def _header(key: str) -> str:
    """A column as the person reading knows it: its header in their language."""
    column = BY_KEY.get(key)
    if column is None:
        return ""
    return column.ru if (get_language() or "").startswith("ru") else column.en


def _check(
    data: bytes,
    filename: str,
    date_order: str,
    *,
    actor: Any,
    organisation: Organisation,
    choices: Mapping[int, str],
) -> tuple[IntakeReport, FileCheck]:
    """The file checked row by row, against Haven, and for people Haven likely has already; each
    likely duplicate's row as the person importing chose (``choices``: row → a choice)."""
    report = validate(read_table(data, filename), import_choices(), DateOrder(date_order))
    check = file_check(actor=actor, organisation=organisation, report=report)
    resolve_duplicates(report, check.blocking, choices)
    check_against_haven(organisation=organisation, report=report)
    return report, check


def _choices(data: Mapping[str, str]) -> dict[int, str]:
    """The posted choice of each likely duplicate's row: ``duplicate-ROW`` → ``different`` or a
    household reference."""
    chosen = {}
    for name, value in data.items():
        row = name.removeprefix(CHOICE_PREFIX)
        if name.startswith(CHOICE_PREFIX) and row.isdigit() and value:
            chosen[int(row)] = value
    return chosen


@require_http_methods(["GET", "POST"])
@caseload_required
def upload(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = UploadForm(request.POST or None, request.FILES or None, choose_organisation=_coalition_wide(actor))
    context: dict[str, Any] = {"form": form, "nav": "intake", "export_form": ExportForm()}
    if request.method == "POST" and form.is_valid():
        organisation = form.cleaned_data.get("organisation") or actor.organisation
        if organisation is None:
            raise Http404
        try:
            check_can_import(actor, organisation)
        except NotAllowed as exc:
            form.add_error(None, str(exc))
            return render(request, "intake/upload.html", context, status=403)
        data = form.cleaned_data["file"].read()
        filename = form.cleaned_data["file"].name
        date_order = form.cleaned_data["date_order"]
        try:
            report, check = _check(
                data, filename, date_order, actor=actor, organisation=organisation, choices={}
            )
        except FileProblem as exc:
            form.add_error("file", str(exc))
            return render(request, "intake/upload.html", context)
        uploads.keep(
            request.session, data, filename=filename, date_order=date_order, organisation_id=organisation.pk
        )
        rehearsal = cases_import(
            actor=actor, organisation=organisation, report=report, only_valid=True, dry_run=True
        )
        # A likely duplicate's row is decided in its own section, not listed as a row to fix.
        shown = [e for e in report.errors if e.code != "likely_duplicate"]
        context.update(
            report=report,
            errors=[
                (e.row, _header(e.column), e.message_in(get_language() or "en")) for e in shown[:ERRORS_SHOWN]
            ],
            more_errors=max(0, len(shown) - ERRORS_SHOWN),
            blocking=check.blocking,
            choice_prefix=CHOICE_PREFIX,
            different=DIFFERENT,
            duplicates=check.flags,
            twins=in_file_duplicates(report=report),
            missing=rehearsal.people_missing,
            positional=not report.given("person_id"),
            rehearsal=rehearsal,
            counts=rehearsal.counts,
            organisation=organisation,
            filename=filename,
        )
        return render(request, "intake/preview.html", context)
    return render(request, "intake/upload.html", context)


@require_POST
@caseload_required
def confirm(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    held = uploads.held(request.session)
    if held is None:
        messages.error(request, _("No file is waiting to be imported: upload it again."))
        return redirect("intake:upload")
    upload, data = held
    organisation = Organisation.objects.get(pk=upload.organisation_id)
    report = _check(
        data,
        upload.filename,
        upload.date_order,
        actor=actor,
        organisation=organisation,
        choices=_choices(request.POST),
    )[0]
    try:
        outcome = cases_import(
            actor=actor,
            organisation=organisation,
            report=report,
            only_valid=request.POST.get("only_valid") == "1",
        )
    except (ImportRefused, NotAllowed) as exc:
        messages.error(request, str(exc))
        return redirect("intake:upload")
    uploads.discard(request.session)
    counts = outcome.counts
    messages.success(
        request,
        _(
            "Imported: %(created)d households created, %(updated)d updated, %(unchanged)d unchanged, "
            "%(skipped)d skipped as invalid."
        )
        % {
            "created": counts["created"],
            "updated": counts["updated"],
            "unchanged": counts["unchanged"],
            "skipped": len(outcome.skipped),
        },
    )
    return redirect("intake:upload")


@require_GET
@caseload_required
def template(request: HttpRequest, language: str) -> HttpResponse:
    if language not in ("en", "ru"):
        raise Http404
    response = HttpResponse(template_xlsx(language), content_type=XLSX)
    response["Content-Disposition"] = f'attachment; filename="haven-import-template-{language}.xlsx"'
    return response


@require_POST
@caseload_required
def export(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = ExportForm(request.POST)
    if not form.is_valid():
        return HttpResponse(status=400)
    organisation = form.cleaned_data.get("organisation") if _coalition_wide(actor) else None
    organisation = organisation or actor.organisation
    if organisation is None:
        raise Http404
    fmt = form.cleaned_data["format"]
    try:
        data = cases_export(
            actor=actor, organisation=organisation, fmt=fmt, language=form.cleaned_data["language"]
        )
    except NotAllowed as exc:
        return HttpResponse(str(exc), status=403)
    stamp = timezone.localdate().isoformat()
    response = HttpResponse(data, content_type=XLSX if fmt == "xlsx" else "text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{organisation.slug}-caseload-{stamp}.{fmt}"'
    return response
