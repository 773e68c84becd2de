"""Why an uploaded table cannot be read, in English and in Russian, kept as data (as the importer's row
problems are, :mod:`haven_core.intake.messages`): the pure core needs no translation machinery."""

from __future__ import annotations

from collections.abc import Mapping

MESSAGES: dict[str, tuple[str, str]] = {
    "not_xlsx": (
        "This spreadsheet cannot be read as XLSX ({error}).",
        "Эту таблицу не удаётся прочитать как XLSX ({error}).",
    ),
    "no_sheet": ("This XLSX file has no sheet.", "В этом файле XLSX нет ни одного листа."),
    "broken_after": (
        "This XLSX file cannot be read past row {last} ({error}).",
        "Этот файл XLSX не читается после строки {last} ({error}).",
    ),
    "unpacked": (
        "This XLSX file unpacks to more than {limit} MB (the limit): split it, or save it as CSV.",
        "Этот файл XLSX в распакованном виде больше {limit} МБ (предел): разделите его "
        "или сохраните как CSV.",
    ),
    "ratio": (
        "This XLSX file is compressed {ratio} times (its part {part}); more than {limit} times is refused, "
        "as a spreadsheet made to exhaust the server would be. Save it again from a spreadsheet program, "
        "or as CSV.",
        "Этот файл XLSX сжат в {ratio} раз (его часть {part}); сжатие больше чем в {limit} раз не "
        "принимается: так сжимают таблицы, сделанные, чтобы исчерпать память сервера. Сохраните его заново "
        "в табличной программе или как CSV.",
    ),
    "too_many_rows": (
        "The file has more than {limit} rows (the limit): split it into several files.",
        "В файле больше {limit} строк (предел): разделите его на несколько файлов.",
    ),
    "too_many_cells": (
        "Row {row} has more than {limit} cells (the limit).",
        "В строке {row} больше {limit} ячеек (предел).",
    ),
    "long_cell": (
        "Row {row} has a cell of more than {limit} characters (the limit).",
        "В строке {row} есть ячейка длиннее {limit} символов (предел).",
    ),
    "long_line": (
        "Line {line} of the file is longer than {limit} characters (the limit).",
        "Строка {line} файла длиннее {limit} символов (предел).",
    ),
    "bad_csv": (
        "Row {row} cannot be read as CSV ({error}); the limit for one cell is {limit} characters.",
        "Строку {row} не удаётся прочитать как CSV ({error}); предел для одной ячейки — {limit} символов.",
    ),
    "not_encoding": ("Row {row} is not {encoding} text.", "Строка {row} — не текст в кодировке {encoding}."),
    "nul": (
        'Byte {byte} of the file is a NUL: this is not a CSV text file (or it was saved as UTF-16, "Unicode '
        'text"): save it again as CSV UTF-8.',
        "Байт {byte} файла — NUL: это не текстовый файл CSV (или он сохранён в UTF-16, «Текст в Юникоде»): "
        "сохраните его заново как CSV UTF-8.",
    ),
    "bom_not_utf8": (
        "The file starts with the mark of UTF-8 text, but byte {byte} is not UTF-8: save it again as UTF-8 "
        "(CSV UTF-8 in Excel).",
        "Файл начинается с метки текста UTF-8, но байт {byte} — не UTF-8: сохраните его заново как UTF-8 "
        "(CSV UTF-8 в Excel).",
    ),
    "not_russian": (
        "This file is not UTF-8 (byte {byte} is not), and its letters do not read as Russian in "
        "Windows-1251 either: save it again as UTF-8 (CSV UTF-8 in Excel).",
        "Этот файл не в UTF-8 (байт {byte} — не UTF-8), и в Windows-1251 его буквы тоже не читаются как "
        "русский текст: сохраните его заново как UTF-8 (CSV UTF-8 в Excel).",
    ),
    "other_encoding": (
        "This file's Cyrillic letters read as Russian only in the {encoding} encoding, which Haven does not "
        "import (it would read names as gibberish): save it again as UTF-8 (CSV UTF-8 in Excel) or "
        "Windows-1251.",
        "Кириллица этого файла читается как русский текст только в кодировке {encoding}, которую Haven не "
        "импортирует (имена стали бы бессмыслицей): сохраните его заново как UTF-8 (CSV UTF-8 в Excel) "
        "или Windows-1251.",
    ),
    "changed": (
        "Row {row} of the file is not what was checked: the file changed while it was imported. Nothing "
        "was imported: import it again.",
        "Строка {row} файла — не та, что была проверена: файл изменился во время импорта. Ничего не "
        "импортировано: импортируйте его заново.",
    ),
    "no_header": ("The file has no header row.", "В файле нет строки заголовков."),
    "not_a_table": ("Give an .xlsx or a .csv file.", "Дайте файл .xlsx или .csv."),
}


def _number(value: object, russian: bool) -> object:
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}".replace(",", "\u00a0") if russian else f"{value:,}"
    return value


class FileProblem(ValueError):
    """The file cannot be read as a table: a problem's code and values, said in English by ``str()`` and
    in either language by :meth:`message_in`; ``row`` is the row where reading stopped, when known."""

    def __init__(self, code: str, *, row: int | None = None, **params: object) -> None:
        self.code, self.row, self.params = code, row, params
        super().__init__(self.message_in("en"))

    def message_in(self, language: str) -> str:
        russian = language.startswith("ru")
        values: Mapping[str, object] = {
            k: _number(v, russian) for k, v in {**self.params, "row": self.row}.items()
        }
        english, in_russian = MESSAGES[self.code]
        return (in_russian if russian else english).format(**values)
