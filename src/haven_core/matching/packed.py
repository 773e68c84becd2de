"""Name records kept packed: one buffer of bytes for all of them, read back one at a time.

A :class:`NameRecord` as Python objects (the record, its id, its tuple of spellings, each spelling,
its birth date) takes about half a kilobyte; the same record packed takes the bytes of its text and a
few more. A matcher over 100,000 people (a registry, or a caseload file checked against itself) keeps
its entries so, and makes the record again only for the few entries it scores. The buffer lives in
memory only: nothing is written anywhere.
"""

from __future__ import annotations

import marshal
from array import array

from haven_core.matching.records import NameRecord


class PackedRecords:
    """Records appended one by one and read back by position, exactly as they were given.

    >>> records = PackedRecords()
    >>> records.append(NameRecord("7", ("Котова Юлия", "KOTOVA, IULIIA"), "1988-03-12", "import"))
    >>> records.append(NameRecord("8", (), None))
    >>> len(records), records[0], records[1]
    (2, NameRecord(id='7', names=('Котова Юлия', 'KOTOVA, IULIIA'), birth='1988-03-12', \
source='import'), NameRecord(id='8', names=(), birth=None, source=''))
    """

    def __init__(self) -> None:
        self._data = bytearray()
        self._ends = array("Q")  # where each record's bytes end
        self._sources: list[str] = []  # the lists the records come from, each once (usually one)

    def __len__(self) -> int:
        return len(self._ends)

    def append(self, record: NameRecord) -> None:
        if record.source not in self._sources:
            self._sources.append(record.source)
        source = self._sources.index(record.source)
        # marshal reads back exactly what it wrote (strings, tuples, None), and only what Haven wrote.
        self._data += marshal.dumps((record.id, record.names, record.birth, source))
        self._ends.append(len(self._data))

    def __getitem__(self, position: int) -> NameRecord:
        start = self._ends[position - 1] if position else 0
        # Only bytes this object wrote itself are read back.
        record_id, names, birth, source = marshal.loads(self._data[start : self._ends[position]])  # noqa: S302
        return NameRecord(record_id, names, birth, self._sources[source])
