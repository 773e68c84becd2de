"""The case list: search, filters, sorting and pagination over the households the user may see."""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from haven.accounts.access import caseload_required, visible_households
from haven.accounts.actor import ActorRequest
from haven.cases import searches
from haven.cases.caselist import case_rows, matching_households
from haven.cases.forms.list import CaseListForm
from haven.cases.models import Household
from haven_core.roles import COALITION_WIDE


def _list_url(request: HttpRequest, data: QueryDict, *, new_search: bool) -> str:
    """The list URL for submitted search and filters, with any search text replaced by a token."""
    params = data.copy()
    params.pop("csrfmiddlewaretoken", None)
    if new_search:
        params.pop("page", None)
    text = params.pop("q", [""])[-1].strip()
    if text:
        params["s"] = searches.remember(request.session, text)
    for name in [k for k, values in params.lists() if not any(v.strip() for v in values)]:
        del params[name]  # empty filters only lengthen the URL
    query = params.urlencode()
    return reverse("cases:list") + (f"?{query}" if query else "")


@require_http_methods(["GET", "POST"])
@caseload_required
def case_list(request: ActorRequest) -> HttpResponse:
    if request.method == "POST" or "q" in request.GET:
        posted = request.method == "POST"
        return redirect(_list_url(request, request.POST if posted else request.GET, new_search=posted))
    actor = request.actor
    data = request.GET.copy()
    if token := data.pop("s", [""])[-1]:
        text = searches.recall(request.session, token)
        if text is None:
            messages.info(request, _("That search has expired. Please search again."))
        else:
            data["q"] = text
    form = CaseListForm(data, coalition_wide=actor.role in COALITION_WIDE)
    today = timezone.localdate()
    households = matching_households(visible_households(actor), form.query(), today)
    # Django's Paginator needs only count() and slices (SoonestFirst has them); the stubs' protocol also
    # asks for iteration and indexing by number.
    paginator: Paginator[Household] = Paginator(households, settings.HAVEN_CASES_PER_PAGE)  # type: ignore[arg-type]
    page = paginator.get_page(request.GET.get("page"))
    rows = case_rows(page.object_list, today, form.query().text)
    context = {"form": form, "page": page, "rows": rows, "nav": "list"}
    return render(request, "cases/list.html", context)
