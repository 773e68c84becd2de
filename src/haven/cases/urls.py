"""The caseload's pages. Households are named by their reference, everything inside them by UUID."""

from django.urls import path

from haven.cases.views import canada, household, people, timeline, us_record
from haven.cases.views import list as case_list

app_name = "cases"
RELATIVE = {"tie": canada.RELATIVE}
PERMIT = {"tie": canada.PERMIT}

urlpatterns = [
    path("", case_list.case_list, name="list"),
    path("new/", household.household_new, name="new"),
    path("<str:reference>/", household.household_detail, name="detail"),
    path("<str:reference>/edit/", household.household_edit, name="edit"),
    path("<str:reference>/status/", household.household_stage, name="stage"),
    path("<str:reference>/people/new/", people.person_new, name="person_new"),
    path("<str:reference>/people/<uuid:person_id>/edit/", people.person_edit, name="person_edit"),
    path("<str:reference>/people/<uuid:person_id>/remove/", people.person_remove, name="person_remove"),
    path("<str:reference>/people/<uuid:person_id>/us-record/", us_record.us_record_edit, name="us_record"),
    path(
        "<str:reference>/people/<uuid:person_id>/relatives/new/",
        canada.tie_new,
        RELATIVE,
        name="relative_new",
    ),
    path("<str:reference>/relatives/<uuid:tie_id>/edit/", canada.tie_edit, RELATIVE, name="relative_edit"),
    path(
        "<str:reference>/relatives/<uuid:tie_id>/remove/", canada.tie_remove, RELATIVE, name="relative_remove"
    ),
    path("<str:reference>/people/<uuid:person_id>/permits/new/", canada.tie_new, PERMIT, name="permit_new"),
    path("<str:reference>/permits/<uuid:tie_id>/edit/", canada.tie_edit, PERMIT, name="permit_edit"),
    path("<str:reference>/permits/<uuid:tie_id>/remove/", canada.tie_remove, PERMIT, name="permit_remove"),
    path("<str:reference>/events/new/", timeline.event_new, name="event_new"),
    path(
        "<str:reference>/events/<uuid:event_id>/withdraw/",
        timeline.event_withdraw_view,
        name="event_withdraw",
    ),
]
