"""Words of other apps that a French dossier shows (choice labels, levels, routes, reasons), marked
here so that the referral app's French catalogue carries them: the other apps translate only into
Russian. Also the words of the person form's "kept out of referrals" choice, which belong to referrals.
``gettext_noop`` marks a string for the catalogue without translating it here."""

from __future__ import annotations

from django.utils.translation import gettext_noop as _

ON_THE_PERSON_FORM = (
    _("kept out of referrals"),
    _("What this person asked to keep out of any referral package, whoever receives it."),
    _("Referrals"),
)

SHOWN_IN_DOSSIERS = (
    # people (haven.cases)
    _("Principal applicant"),
    _("Spouse or partner"),
    _("Child"),
    _("Parent"),
    _("Sibling"),
    _("Other dependant"),
    _("Female"),
    _("Male"),
    _("Another / not stated"),
    # US status (haven.cases)
    _("Affirmative asylum pending"),
    _("In removal proceedings"),
    _("Final order of removal"),
    _("Detained"),
    _("Released on parole / alternatives to detention"),
    _("Withholding or CAT granted"),
    _("Removed"),
    # evidence (haven.evidence)
    _("Social-media post"),
    _("Article or interview"),
    _("Video"),
    _("Photo"),
    _("Court or police document"),
    _("Registry listing"),
    _("Membership or donation record"),
    _("Witness statement"),
    _("Other"),
    _("Not yet reviewed"),
    _("Verified"),
    _("Disputed"),
    _("Retracted"),
    _("Original file"),
    _("Web capture (WARC)"),
    _("Screenshot of the page"),
    _("Text extracted from the page"),
    _("Working copy"),
    _("Redaction"),
    _("Crop"),
    _("Translation"),
    _("Other working copy"),
    # roles (haven.accounts)
    _("Caseworker"),
    _("Reviewer"),
    _("Coordinator"),
    _("Liaison"),
    _("Administrator"),
    # assessment levels and wording (haven.assessment)
    _("Low"),
    _("Moderate"),
    _("High"),
    _("Very high"),
    _("Normal"),
    _("Urgent"),
    _("Emergency"),
    _("serious medical condition"),
    _("disability"),
    _("pregnancy"),
    _("LGBTQ+"),
    _("elderly"),
    _("minor"),
    _("survivor of violence or torture"),
    _("official or several agreeing sources"),
    _("one good secondary source"),
    _("official or good secondary sources"),
    _("not verified"),
    _("Haven's choice"),
    _("Haven's assumption"),
    _("Removal within days"),
    _("Scheduled removal date has passed"),
    _("Detained with a final order of removal"),
    _("Removal scheduled soon"),
    _("Hearing soon"),
    _("Legal and/or physical protection needs"),
    _("Survivors of violence and/or torture"),
    _("Medical needs"),
    _("Women and girls at risk"),
    _("Children and adolescents at risk"),
    _("Restoring family unity"),
    _("Lack of foreseeable alternative durable solutions"),
    _("Safe Third Country Agreement exception: a family member in Canada"),
    _("Safe Third Country Agreement exception: a Canadian visa or permit"),
    _("Safe Third Country Agreement exception: an unaccompanied minor"),
    _("Private sponsorship by a Sponsorship Agreement Holder (no refugee recognition needed)"),
    _("Private sponsorship by a Group of Five (needs refugee recognition by UNHCR or a state)"),
    _("Whether someone whose US claim was refused can be privately sponsored is doubtful"),
    _("Government-assisted refugees: only through UNHCR or a designated referral organisation"),
    _("A temporary public policy for this group, as for Hong Kong (2021) and Ukrainians (CUAET, 2022–2024)"),
    _(
        "Temporary resident permit (IRPA s.24) or humanitarian and compassionate grounds (IRPA s.25): "
        "discretionary"
    ),
    _("Admissibility bars still apply"),
    # selection reasons (haven.selection)
    _("Selected: number %(order)s in priority order, adds %(value)s (%(share)s%% of the total)"),
    _("Pinned in by the coordinator"),
    _("Pinned out by the coordinator: %(reason)s"),
)
