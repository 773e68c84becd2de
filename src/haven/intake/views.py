"""Import pages: upload → preview → confirm; the template; and the export button.

The preview is the answer to the upload: the file is checked (against Haven's records too), likely
duplicates are flagged (against Haven and within the file), and an import is rehearsed (rolled back) to
say what would be created, updated or left unchanged, and who Haven has that the file no longer lists.
A row of a new household whose person Haven likely has already is held back until the preview's choice
for it: "update that household" or "a different person". Confirming starts a job (its progress on this
page) that imports the file held for this session, checked again with those choices, in one
transaction. A file that cannot be read, or breaks a limit while it is read, is refused with the
reason on the form, never with a server error.
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
from haven.accounts.actor import ActorRequest
from haven.accounts.models import Organisation
from haven.errors import NotAllowed
from haven.intake import uploads
from haven.intake.actions import cases_import, check_can_import
from haven.intake.checking import caseload_check
from haven.intake.duplicates import in_file_duplicates
from haven.intake.export import cases_export
from haven.intake.forms import ExportForm, UploadForm
from haven.intake.jobs import KIND
from haven.jobs.actions import job_start, jobs_for
from haven_core.intake.columns import BY_KEY
from haven_core.intake.duplicates import DIFFERENT
from haven_core.intake.template import template_xlsx
from haven_core.roles import COALITION_WIDE
from haven_core.tables import FileProblem

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
def upload(request: ActorRequest) -> HttpResponse:
    actor = request.actor
    form = UploadForm(request.POST or None, request.FILES or None, choose_organisation=_coalition_wide(actor))
    context: dict[str, Any] = {
        "form": form,
        "nav": "intake",
        "export_form": ExportForm(),
        "jobs": jobs_for(actor).filter(kind=KIND, requested_by=actor.user)[:3],
    }
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
            report, check = caseload_check(
                data, filename, date_order, actor=actor, organisation=organisation, choices={}
            )
        except FileProblem as exc:
            form.add_error("file", exc.message_in(get_language() or "en"))
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
            more_errors=max(0, len(shown) - ERRORS_SHOWN) + report.errors_left_out,
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
def confirm(request: ActorRequest) -> HttpResponse:
    """Start the import of the file held for this session, as a job whose progress the Import page
    shows; the file is checked again there, with the choices made on the preview."""
    actor = request.actor
    held = uploads.hand_over(request.session)
    if held is None:
        messages.error(request, _("No file is waiting to be imported: upload it again."))
        return redirect("intake:upload")
    organisation = Organisation.objects.get(pk=held.organisation_id)
    only_valid = request.POST.get("only_valid") == "1"
    try:
        check_can_import(actor, organisation)
        job_start(
            actor=actor,
            kind=KIND,
            subject="caseload",
            organisation=organisation,
            params={
                "token": held.token,
                "filename": held.filename,
                "date_order": held.date_order,
                "choices": {str(row): value for row, value in _choices(request.POST).items()},
                "only_valid": only_valid,
            },
            audit_detail={"only_valid": only_valid},
        )
    except NotAllowed as exc:
        uploads.remove_token(held.token)
        messages.error(request, str(exc))
        return redirect("intake:upload")
    messages.success(request, _("The import is queued: its progress shows below."))
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
def export(request: ActorRequest) -> HttpResponse:
    actor = request.actor
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
