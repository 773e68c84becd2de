"""The case list: search, filters, sorting and pagination over the households the user may see."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from haven.accounts.access import caseload_required, visible_households
from haven.cases.caselist import case_rows, matching_households
from haven.cases.forms.list import CaseListForm
from haven_core.roles import COALITION_WIDE


@require_GET
@caseload_required
def case_list(request: HttpRequest) -> HttpResponse:
    actor = request.actor  # type: ignore[attr-defined]
    form = CaseListForm(request.GET, coalition_wide=actor.role in COALITION_WIDE)
    today = timezone.localdate()
    households = matching_households(visible_households(actor), form.query(), today)
    page = Paginator(households, settings.HAVEN_CASES_PER_PAGE).get_page(request.GET.get("page"))
    context = {"form": form, "page": page, "rows": case_rows(page.object_list, today), "nav": "list"}
    return render(request, "cases/list.html", context)
