"""The access policy: organisation roles see their own caseload, coalition roles all, a liaison none."""

from haven_core.roles import Role, can_see_household, can_use_caseload


def test_caseworker_and_reviewer_see_only_their_organisation() -> None:
    for role in (Role.CASEWORKER, Role.REVIEWER):
        assert can_see_household(role, 1, 1)
        assert not can_see_household(role, 1, 2)
        assert not can_see_household(role, None, 2)


def test_coordinator_and_admin_see_every_organisation() -> None:
    assert can_see_household(Role.COORDINATOR, None, 2)
    assert can_see_household(Role.ADMIN, None, 2)


def test_liaison_and_no_role_see_no_caseload() -> None:
    assert not can_use_caseload(Role.LIAISON)
    assert not can_use_caseload(None)
    assert not can_see_household(Role.LIAISON, 1, 1)
