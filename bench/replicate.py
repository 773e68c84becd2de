"""Grow a seeded PostgreSQL coalition tenfold (or by any factor) in SQL, for benchmarks only.

    .venv/bin/python bench/replicate.py --source postgres://postgres@127.0.0.1:5432/haven_bench_web \
        --target postgres://postgres@127.0.0.1:5432/haven_bench_100k --copies 10

Seeding goes through Haven's own write paths (encryption, name keys, audit): about ten milliseconds a
household here, so 100,000 households take a quarter of an hour or more on a loaded machine. This copies
a seeded database instead (``CREATE DATABASE … TEMPLATE``, so the source must have no open connection)
and then, in SQL, adds ``copies - 1`` copies of every household with what the radar and the dashboard read:
its people, US records, timeline events, assessments and overrides, consents, evidence items with their
files, tags and verifications, and documentation verdicts. Each copy gets new ids (the originals' plus a
fixed offset per copy), new public ids and references (the original's with ``-<copy>``), and the same
organisation and owner. The encrypted columns are copied as they are: each copy's ciphertexts repeat the
original's (they still open with the same keys), and their name keys are not copied, so a search finds
only the originals. It is a speed bench: the counts and the shape of the data are those of ten seeded
coalitions, not the variety. The keys folder of the source must be used with the target, e.g.

    .venv/bin/python bench/pages.py --pages radar,dashboard \
        --database-url postgres://postgres@127.0.0.1:5432/haven_bench_100k --folder /tmp/haven-bench-web

(its first dashboard scores the copies' principals again, their evidence ids being new: a warm-up).
"""

from __future__ import annotations

import argparse
import time

import psycopg
from psycopg import sql

# Copied in this order (each after the tables it refers to). Ids are shifted by OFFSET per copy.
TABLES = (
    "cases_household",
    "cases_person",
    "cases_usrecord",
    "cases_timelineevent",
    "assessment_assessment",
    "assessment_assessmentoverride",
    "consent_consent",
    "evidence_evidenceitem",
    "evidence_itemfile",
    "evidence_evidencetag",
    "evidence_verification",
    "dashboard_documentationverdict",
)
OFFSET = 100_000_000


def _references(connection: psycopg.Connection, table: str) -> dict[str, str]:
    """The foreign-key columns of ``table`` and the table each refers to."""
    rows = connection.execute(
        """SELECT a.attname, c.confrelid::regclass::text FROM pg_constraint c
           JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
           WHERE c.contype = 'f' AND c.conrelid = %s::regclass""",
        [table],
    ).fetchall()
    return {column: target for column, target in rows}


def _expression(table: str, column: str, kind: str, references: dict[str, str]) -> sql.Composable:
    """What a copy's ``column`` holds: shifted ids, fresh public ids, suffixed references."""
    name = sql.Identifier(column)
    copy = sql.Placeholder("copy")
    if column == "id" and kind in ("bigint", "integer"):
        return sql.SQL("{} + {} * {}").format(name, copy, sql.Literal(OFFSET))
    if references.get(column) in TABLES:
        return sql.SQL("{} + {} * {}").format(name, copy, sql.Literal(OFFSET))
    if column == "public_id":
        return sql.SQL("gen_random_uuid()")
    if table == "cases_household" and column == "reference":
        return sql.SQL("{} || '-' || {}::text").format(name, copy)
    if column == "external_id":
        return sql.SQL("CASE WHEN {0} = '' THEN '' ELSE {0} || '-' || {1}::text END").format(name, copy)
    return name


def replicate(url: str, copies: int) -> None:
    with psycopg.connect(url, autocommit=True) as connection:
        # One transaction: an evidence item refers to its newest verification, copied after it (the
        # foreign keys are checked at commit).
        with connection.transaction():
            for table in TABLES:
                exists = connection.execute("SELECT to_regclass(%s)", [table]).fetchone()
                if not exists or exists[0] is None:
                    continue
                columns = connection.execute(
                    "SELECT column_name, data_type FROM information_schema.columns"
                    " WHERE table_name = %s ORDER BY ordinal_position",
                    [table],
                ).fetchall()
                references = _references(connection, table)
                names = sql.SQL(", ").join(sql.Identifier(c) for c, _ in columns)
                values = sql.SQL(", ").join(_expression(table, c, k, references) for c, k in columns)
                statement = sql.SQL(
                    "INSERT INTO {t} ({names}) SELECT {values} FROM {t} WHERE {key} < {off}"
                ).format(
                    t=sql.Identifier(table),
                    names=names,
                    values=values,
                    key=sql.Identifier("id" if any(c == "id" for c, _ in columns) else "person_id"),
                    off=sql.Literal(OFFSET),
                )
                started = time.perf_counter()
                for copy in range(1, copies):
                    connection.execute(statement, {"copy": copy})
                print(f"  {table}: {time.perf_counter() - started:.0f} s", flush=True)
                if any(c == "id" for c, _ in columns):  # new rows made by Haven get ids after the copies
                    connection.execute(
                        sql.SQL(
                            "SELECT setval(pg_get_serial_sequence({t}, 'id'), (SELECT MAX(id) FROM {i}))"
                        ).format(t=sql.Literal(table), i=sql.Identifier(table))
                    )
        connection.execute("VACUUM ANALYZE")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--source", required=True, help="a seeded PostgreSQL database (not changed)")
    parser.add_argument("--target", required=True, help="the database to create (dropped first)")
    parser.add_argument("--copies", type=int, default=10, help="households become this many times as many")
    options = parser.parse_args()
    server, source = options.source.rsplit("/", 1)
    target = options.target.rsplit("/", 1)[1]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(target)))
        connection.execute(
            sql.SQL("CREATE DATABASE {} TEMPLATE {}").format(sql.Identifier(target), sql.Identifier(source))
        )
    started = time.perf_counter()
    replicate(options.target, options.copies)
    print(f"replicated ×{options.copies} in {time.perf_counter() - started:.0f} s")


if __name__ == "__main__":
    main()
