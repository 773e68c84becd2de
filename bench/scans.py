"""A labelled set of synthetic Russian documents, and scans of them drawn with Pillow.

The texts follow the usual form of a police protocol under ст. 20.3.3 КоАП, an investigator's summons,
a court's ruling on an administrative case and a criminal sentence under ст. 207.3 УК. Every name,
number and address is made up. Each document carries its labels: the provisions it cites (as the rules
file names them, "AC 20.3.3"), its kind and its date. ``scan`` draws a text on an A4 page (a Cyrillic
TTF font found on the system) and can degrade it: low resolution, rotation, noise, blur and JPEG.
"""

from __future__ import annotations

import datetime as dt
import io
import random
import shutil
import subprocess
import textwrap
from dataclasses import dataclass

from PIL import Image, ImageDraw, ImageFilter, ImageFont

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября",
          "октября", "ноября", "декабря")  # fmt: skip
SURNAMES = ("Иванова", "Смирнов", "Кузнецова", "Попов", "Соколова", "Лебедев", "Новикова", "Морозов")
NAMES = ("Анна Сергеевна", "Павел Игоревич", "Мария Андреевна", "Илья Олегович", "Ольга Петровна")
CITIES = (
    ("Москвы", "Мещанский районный суд г. Москвы", "ОМВД России по Мещанскому району г. Москвы"),
    ("Санкт-Петербурга", "Смольнинский районный суд г. Санкт-Петербурга",
     "УМВД России по Центральному району г. Санкт-Петербурга"),
    ("Екатеринбурга", "Ленинский районный суд г. Екатеринбурга", "ОП № 5 УМВД России по г. Екатеринбургу"),
    ("Казани", "Вахитовский районный суд г. Казани", "ОП № 9 «Сотый» УМВД России по г. Казани"),
)  # fmt: skip


@dataclass(frozen=True)
class Document:
    name: str
    kind: str
    text: str
    provisions: frozenset[str]
    date: dt.date


def _date_words(day: dt.date) -> str:
    return f"{day.day} {MONTHS[day.month - 1]} {day.year} г."


def _protocol(rng: random.Random, n: int) -> Document:
    day = dt.date(2022 + n % 3, 1 + n % 12, 1 + (n * 7) % 28)
    city, _court, police = CITIES[n % len(CITIES)]
    person = f"{SURNAMES[n % len(SURNAMES)]} {NAMES[n % len(NAMES)]}"
    number = rng.randint(100000, 999999)
    text = f"""ПРОТОКОЛ № {number} об административном правонарушении
{_date_words(day)} г. {city}
Я, старший участковый уполномоченный полиции {police}, майор полиции Петров А. В.,
в соответствии со ст. 28.2 КоАП РФ составил настоящий протокол о том, что гражданин(ка)
{person}, {1970 + n % 30} года рождения, {day.strftime("%d.%m.%Y")} в 14 час. 20 мин.,
находясь в общественном месте по адресу: ул. Тверская, д. {n + 3}, держал(а) в руках плакат
с надписью «Нет войне», то есть совершил(а) публичные действия, направленные на дискредитацию
использования Вооружённых Сил Российской Федерации, ответственность за которые предусмотрена
ч. 1 ст. 20.3.3 КоАП РФ.
Права и обязанности, предусмотренные ст. 25.1 КоАП РФ, а также ст. 51 Конституции РФ разъяснены.
Объяснения лица: с протоколом не согласен(на).
Подпись лица, составившего протокол ____________"""
    return Document(f"protocol-{n}", "protocol", text, frozenset({"AC 20.3.3", "AC 28.2", "AC 25.1"}), day)


def _summons(rng: random.Random, n: int) -> Document:
    day = dt.date(2023, 1 + n % 12, 1 + (n * 5) % 28)
    city, _court, _police = CITIES[n % len(CITIES)]
    person = f"{SURNAMES[(n + 3) % len(SURNAMES)]} {NAMES[(n + 1) % len(NAMES)]}"
    case = rng.randint(12000000, 12999999)
    article = "п. «д» ч. 2 ст. 207.3 УК РФ" if n % 2 else "ч. 1 ст. 207.3 УК РФ"
    text = f"""ПОВЕСТКА
о вызове на допрос
Главное следственное управление Следственного комитета Российской Федерации по г. {city}
Гр. {person}
В соответствии со ст. 188 УПК РФ Вы вызываетесь на допрос в качестве подозреваемого
по уголовному делу № {case}, возбуждённому по признакам преступления, предусмотренного
{article}, к следователю Сидорову К. Н.
Явиться {day.strftime("%d.%m.%Y")} к 10 час. 00 мин. по адресу: Технический пер., д. 2, каб. {n + 10}.
В случае неявки без уважительных причин Вы можете быть подвергнуты приводу
в соответствии со ст. 113 УПК РФ.
Следователь ____________ {_date_words(day - dt.timedelta(days=7))}"""
    return Document(f"summons-{n}", "summons", text, frozenset({"CC 207.3"}), day - dt.timedelta(days=7))


def _ruling(rng: random.Random, n: int) -> Document:
    day = dt.date(2022 + n % 2, 3 + n % 9, 2 + (n * 3) % 26)
    city, court, _police = CITIES[n % len(CITIES)]
    person = f"{SURNAMES[(n + 5) % len(SURNAMES)]} {NAMES[(n + 2) % len(NAMES)]}"
    case = f"5-{rng.randint(100, 2999)}/{day.year}"
    text = f"""ПОСТАНОВЛЕНИЕ
по делу об административном правонарушении
г. {city}  {_date_words(day)}
Судья {court} Кириллова Е. Н., рассмотрев дело № {case} об административном
правонарушении, предусмотренном частью 1 статьи 20.3.3 Кодекса Российской Федерации
об административных правонарушениях, в отношении {person},
УСТАНОВИЛ:
{person} разместил(а) в открытом доступе в сети «Интернет» публикацию, направленную
на дискредитацию использования Вооружённых Сил Российской Федерации.
Руководствуясь статьями 29.9, 29.10 КоАП РФ, судья
ПОСТАНОВИЛ:
признать {person} виновным(ой) в совершении административного правонарушения,
предусмотренного ч. 1 ст. 20.3.3 КоАП РФ, и назначить наказание в виде
административного штрафа в размере {30000 + 5000 * (n % 5)} рублей.
Постановление может быть обжаловано в течение десяти суток."""
    cited = frozenset({"AC 20.3.3", "AC 29.9", "AC 29.10"})
    return Document(f"ruling-{n}", "court_decision", text, cited, day)


def _sentence(rng: random.Random, n: int) -> Document:
    day = dt.date(2023 + n % 2, 2 + n % 10, 1 + (n * 11) % 27)
    city, court, _police = CITIES[n % len(CITIES)]
    person = f"{SURNAMES[(n + 1) % len(SURNAMES)]} {NAMES[(n + 4) % len(NAMES)]}"
    case = f"1-{rng.randint(10, 999)}/{day.year}"
    text = f"""ПРИГОВОР
ИМЕНЕМ РОССИЙСКОЙ ФЕДЕРАЦИИ
{_date_words(day)}  г. {city}
{court} в составе председательствующего судьи Орлова Д. М., рассмотрев
в открытом судебном заседании уголовное дело № {case} в отношении {person},
обвиняемого(ой) в совершении преступления, предусмотренного п. «д» ч. 2 ст. 207.3 УК РФ,
УСТАНОВИЛ:
подсудимый(ая) по мотивам политической ненависти публично распространил(а) под видом
достоверных сообщений заведомо ложную информацию об использовании Вооружённых Сил
Российской Федерации. Руководствуясь ст. 307, 308 и 309 УПК РФ, суд
ПРИГОВОРИЛ:
признать {person} виновным(ой) в совершении преступления, предусмотренного
пунктом «д» части 2 статьи 207.3 Уголовного кодекса Российской Федерации, и назначить
наказание в виде лишения свободы сроком на {5 + n % 4} лет с отбыванием в исправительной
колонии общего режима."""
    return Document(f"sentence-{n}", "court_decision", text, frozenset({"CC 207.3"}), day)


def documents(per_kind: int = 4, seed: int = 18) -> list[Document]:
    """``per_kind`` documents of each of the four kinds, the same for the same seed."""
    rng = random.Random(seed)
    return [make(rng, n) for make in (_protocol, _summons, _ruling, _sentence) for n in range(per_kind)]


def cyrillic_font() -> str:
    """A TTF font with Cyrillic, found with fontconfig (DejaVu Serif if it is there)."""
    for family in ("DejaVu Serif:style=Book", "DejaVu Sans:style=Book", ":lang=ru"):
        found = subprocess.run(  # noqa: S603 - fixed program and arguments, no shell
            [shutil.which("fc-match") or "fc-match", "--format=%{file}", family],
            capture_output=True, text=True, check=False,
        )  # fmt: skip
        if found.returncode == 0 and found.stdout.endswith(".ttf"):
            return found.stdout
    raise RuntimeError("no TTF font with Cyrillic letters found (fc-match)")


@dataclass(frozen=True)
class Degradation:
    name: str
    dpi: int = 300  # resolution of the scan
    angle: float = 0.0  # degrees
    noise: float = 0.0  # share of pixels turned to random grey
    blur: float = 0.0  # Gaussian radius in pixels at 300 dpi
    jpeg: int = 0  # JPEG quality, 0 for PNG


CLEAN = Degradation("clean")
SCANNED = Degradation("scanned", dpi=200, angle=0.8, noise=0.02, blur=0.6, jpeg=75)
POOR = Degradation("poor", dpi=150, angle=-1.8, noise=0.05, blur=1.0, jpeg=50)


def scan(text: str, how: Degradation = CLEAN, *, seed: int = 0, font_path: str | None = None) -> bytes:
    """An A4 page of ``text`` at 300 dpi, degraded by ``how``; PNG or JPEG bytes."""
    rng = random.Random(seed)
    width, height, margin = 2480, 3508, 200
    page = Image.new("L", (width, height), 255)
    draw = ImageDraw.Draw(page)
    font = ImageFont.truetype(font_path or cyrillic_font(), 40)
    y = margin
    for paragraph in text.splitlines():
        for line in textwrap.wrap(paragraph, 95) or [""]:
            draw.text((margin, y), line, font=font, fill=rng.randint(0, 40))
            y += 58
    if how.blur:
        page = page.filter(ImageFilter.GaussianBlur(how.blur))
    if how.angle:
        page = page.rotate(how.angle, resample=Image.BICUBIC, expand=False, fillcolor=255)
    if how.dpi != 300:
        page = page.resize((width * how.dpi // 300, height * how.dpi // 300), Image.BILINEAR)
    if how.noise:
        pixels = page.load()
        assert pixels is not None
        w, h = page.size
        for _ in range(int(w * h * how.noise)):
            pixels[rng.randrange(w), rng.randrange(h)] = rng.randint(0, 255)
    out = io.BytesIO()
    if how.jpeg:
        page.save(out, "JPEG", quality=how.jpeg)
    else:
        page.save(out, "PNG", dpi=(how.dpi, how.dpi))
    return out.getvalue()
