"""Every file of a referral package, named as the package holds them."""

from __future__ import annotations

import datetime as dt
import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from functools import partial
from typing import Any

from haven.cases.models import Household
from haven.referral import renderer
from haven.referral.documents.batch_list import batch_list_csv, batch_list_xlsx, rows_of_records
from haven.referral.documents.cover_letter import cover_letter_pdf
from haven.referral.documents.dossier import LANGUAGES, render_dossier
from haven.referral.documents.record import household_record, person_ids
from haven_core.referral.profile import FieldProfile


def package_files(
    households: Sequence[Household],
    *,
    profile: FieldProfile,
    batch_reference: str,
    recipient: str,
    created_on: dt.date,
    reasons: Mapping[str, Mapping[str, Any]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> dict[str, bytes]:
    """Every file of the package in memory, by name (for small batches and tests; an export streams
    them with :func:`write_package_files`)."""
    files: dict[str, bytes] = {}
    write_package_files(
        households,
        files.__setitem__,
        profile=profile,
        batch_reference=batch_reference,
        recipient=recipient,
        created_on=created_on,
        reasons=reasons,
        progress=progress,
        jobs=jobs,
    )
    return files


def write_package_files(
    households: Sequence[Household],
    add: Callable[[str, bytes], None],
    *,
    profile: FieldProfile,
    batch_reference: str,
    recipient: str,
    created_on: dt.date,
    reasons: Mapping[str, Mapping[str, Any]] | None = None,
    progress: Callable[[int, int], None] | None = None,
    jobs: int = 1,
) -> int:
    """Cover letters, the batch list and a dossier per household in each language, each handed to
    ``add(name, data)`` as soon as it is made (so that a package of hundreds of dossiers is never held in
    memory whole); the number of files.

    ``progress(done, total)`` is called after each household's dossiers. A household's record is read
    once and rendered in both languages. With ``jobs`` above 1, that many worker processes render the
    dossiers and the letters (rendering is nearly all of an export's time, and reads nothing from the
    database); the files are the same whatever the number of jobs.
    """
    count = 0
    records: list[Mapping[str, Any]] = []

    def tasks() -> Iterator[_Task]:  # each household read as its turn comes, while workers render
        for household in households:
            record = household_record(household, reasons=(reasons or {}).get(household.reference))
            records.append(record)
            ids = tuple(person_ids(household))
            yield partial(_dossiers, household.reference, record, ids, profile, batch_reference)
        # The letters count everyone in the batch, so they come once every household has been read;
        # rendered by the workers too, alongside the last households' dossiers.
        yield partial(
            _letters,
            batch_reference=batch_reference,
            recipient=recipient,
            created_on=created_on,
            households=list(households),
            people_count=sum(len(record["people"]) for record in records),
            profile=profile,
        )

    done = 0
    for rendered in _rendered(tasks(), jobs=min(jobs, len(households))):
        for name, data in rendered.items():
            add(name, data)
            count += 1
        del rendered
        if progress is not None and done < len(households):
            done += 1
            progress(done, len(households))
    rows = rows_of_records(records, profile=profile)
    add("households.xlsx", batch_list_xlsx(rows))
    add("households.csv", batch_list_csv(rows))
    return count + 2


_Task = Callable[[], dict[str, bytes]]  # files by name; a partial, so that it pickles to a worker


def _dossiers(
    reference: str,
    record: Mapping[str, Any],
    ids: tuple[str, ...],
    profile: FieldProfile,
    batch_reference: str,
) -> dict[str, bytes]:
    """One household's dossiers in every language (in a worker process, or in this one)."""
    return {
        f"dossiers/{reference}.{language}.pdf": render_dossier(
            record, language=language, profile=profile, batch_reference=batch_reference, ids=ids
        )
        for language in LANGUAGES
    }


def _letters(**details: Any) -> dict[str, bytes]:
    """The cover letter in every language."""
    return {
        f"cover-letter.{language}.pdf": cover_letter_pdf(language=language, **details)
        for language in LANGUAGES
    }


def _run(task: _Task) -> dict[str, bytes]:
    return task()


def _ready() -> None:
    """Nothing: run once so that the pool starts its workers."""


def _rendered(
    tasks: Iterable[Any], *, jobs: int, render: Callable[[Any], dict[str, bytes]] = _run
) -> Iterator[dict[str, bytes]]:
    """Each task's dossiers, in the tasks' order, ``jobs`` at a time.

    A few tasks more than there are workers are handed out ahead, so that no worker waits while this
    process writes a finished household into the package or reads the next one from the database; a
    finished household is held only until its turn to be written comes.
    """
    if jobs <= 1:
        yield from map(render, tasks)
        return
    # The workers are new processes (haven.referral.renderer says why they are not forks of this one):
    # each sets Django up and makes its Typst compilers as it starts, while this process reads the first
    # households. They read nothing from the database; each task carries its household's record.
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(jobs, mp_context=context, initializer=renderer.start) as pool:
        pool.submit(_ready).result()
        ahead: deque[Future[dict[str, bytes]]] = deque()
        for task in tasks:
            ahead.append(pool.submit(render, task))
            if len(ahead) > 2 * jobs:
                yield ahead.popleft().result()
        while ahead:
            yield ahead.popleft().result()
