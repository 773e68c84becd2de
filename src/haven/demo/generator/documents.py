"""The demo's evidence documents: post texts, article stubs as HTML, court and wanted notices as PDF.

A modest pool of synthetic documents, each generated once and shared by many demo people: evidence
files are stored once per SHA-256, so a hundred thousand households reuse a few dozen files instead of
writing a hundred thousand PDFs. The documents name nobody: a court notice reads "[name withheld in the
demo]", because a shared file cannot carry each person's own name. Everything is deterministic.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from html import escape

from haven.demo.generator.pdf import Line, pdf_page

DEMO_NOTE_RU = "Синтетический документ демонстрационных данных Haven. Имена не указаны."
WITHHELD = "[ФИО не указано в демонстрационных данных]"


@dataclass(frozen=True)
class Document:
    key: str
    filename: str
    data: bytes


POSTS_RU = (
    "Нет войне. Я не буду молчать, пока от моего имени убивают людей в Украине. #нетвойне",
    "Сегодня вышла на Пушкинскую площадь с чистым листом. Задержали через четыре минуты. Не жалею.",
    "Каждый, кто называет это «спецоперацией», соучастник. Война — это преступление.",
    "Перевела 5000 рублей фонду помощи украинским беженцам. Скриншот в комментариях. Присоединяйтесь.",
    "Получила повестку в суд по статье 20.3.3 КоАП за пост о Буче. Удалять ничего не буду.",
    "Мой брат отказался ехать на фронт. Теперь его ищут. Мы не будем убивать соседей.",
    "Открытое письмо учителей против войны: подписала. Нас уже 4 тысячи.",
    "Год войны. Год лжи по телевизору. Год, как мои друзья в тюрьме за слова. Помните их имена.",
    "Вышли с плакатом «Миру мир» у здания администрации. Полиция забрала плакат и паспорт.",
    "Я волонтёр штаба Навального с 2017 года. Они назвали нас экстремистами. Я горжусь этой работой.",
    "Пишу для «Новой газеты» о мобилизации в регионах. Мне звонят из Центра «Э». Продолжаю писать.",
    "ЛГБТ-люди тоже против войны. Нас объявили «экстремистами», но нас не заставят исчезнуть.",
)
POSTS_EN = (
    "No to war. I left Russia because I will not stay silent while people are killed in my name.",
    "Today marks two years since I was detained at an anti-war rally in Moscow. I still stand by it.",
    "Donated to a Ukrainian hospital fund again. If you are Russian and against the war, do the same.",
    "My interview about deserters hiding from the draft is out. The police visited my parents the next day.",
)
ARTICLES = (
    (
        "Meduza",
        "ru",
        "Задержания на антивоенной акции: хроника дня",
        "Полиция задержала десятки человек у памятника; среди задержанных — студенты и пенсионеры. Многим "
        "грозят протоколы по статье 20.3.3 КоАП.",
    ),
    (
        "OVD-Info",
        "ru",
        "Новое дело о «фейках» об армии",
        "Следственный комитет возбудил дело по части 2 статьи 207.3 УК после публикаций в телеграм-канале. "
        "Обвиняемый покинул Россию.",
    ),
    (
        "Novaya Gazeta Europe",
        "ru",
        "Как в регионах ищут уклонистов",
        "Журналисты поговорили с людьми, которые отказались от мобилизации, и с их семьями, к которым "
        "приходит полиция.",
    ),
    (
        "The Moscow Times",
        "en",
        "Russian Activist Placed on Wanted List After Fleeing Abroad",
        "A court in absentia ordered the arrest of an anti-war activist charged with spreading 'fakes' "
        "about the army.",
    ),
    (
        "Mediazona",
        "ru",
        "Заочный арест за антивоенные посты",
        "Районный суд заочно арестовал жителя области, обвиняемого в «дискредитации» армии повторно (статья "
        "280.3 УК).",
    ),
    (
        "Radio Liberty",
        "en",
        "Exiled Russians Face Deportation From the US",
        "Dozens of Russians who fled prosecution for opposing the war now face removal to Moscow, their "
        "lawyers say.",
    ),
    (
        "Dozhd",
        "ru",
        "Сторонники ФБК под следствием",
        "После признания фонда «экстремистским» против бывших сотрудников региональных штабов возбуждают "
        "дела по статье 282.2 УК.",
    ),
    (
        "Current Time",
        "en",
        "The Russians Who Refused to Fight",
        "Men who refused mobilisation orders describe how they left Russia and what awaits them if they "
        "return.",
    ),
)
WITNESS_RU = (
    "Я, сосед заявителя, видел, как 6 марта 2022 года его задержали у станции метро после антивоенного "
    "пикета.",
    "Подтверждаю, что заявительница с 2019 года работала координатором регионального штаба Навального.",
    "Мы вместе выходили на акцию против мобилизации 21 сентября 2022 года; меня тоже задержали.",
)
COURTS = (
    "Тверской районный суд г. Москвы",
    "Дзержинский районный суд г. Санкт-Петербурга",
    "Ленинский районный суд г. Перми",
    "Советский районный суд г. Нижнего Новгорода",
    "Кировский районный суд г. Екатеринбурга",
    "Центральный районный суд г. Новосибирска",
)


def _html(outlet: str, language: str, headline: str, lede: str, number: int) -> bytes:
    return (
        f'<!DOCTYPE html>\n<html lang="{language}">\n<head><meta charset="utf-8">'
        f"<title>{escape(headline)} — {escape(outlet)}</title></head>\n<body>\n<article>\n"
        f'<h1>{escape(headline)}</h1>\n<p class="byline">{escape(outlet)} · {number:04d}</p>\n'
        f"<p>{escape(lede)}</p>\n<p><em>Synthetic article stub for Haven's demo data.</em></p>\n"
        "</article>\n</body>\n</html>\n"
    ).encode()


def _administrative_ruling(number: int) -> bytes:
    court = COURTS[number % len(COURTS)]
    fine = (30_000, 45_000, 50_000, 100_000)[number % 4]
    case = f"5-{1200 + number * 37}/2022"
    return pdf_page(
        [
            Line(court, 11),
            Line(f"ПОСТАНОВЛЕНИЕ № {case}", 15, bold=True, gap=18),
            Line("по делу об административном правонарушении", 12),
            Line(
                "Судья, рассмотрев дело об административном правонарушении, предусмотренном частью 1 "
                f"статьи 20.3.3 "
                f"Кодекса Российской Федерации об административных правонарушениях, в отношении {WITHHELD}, "
                "установил: привлекаемое лицо публично распространило сведения, направленные на "
                "дискредитацию "
                "использования Вооружённых Сил Российской Федерации, а именно разместило плакат с надписью "
                "«Нет войне».",
                gap=14,
            ),
            Line(
                f"ПОСТАНОВИЛ: назначить административное наказание в виде штрафа в размере {fine:,} "
                f"рублей.".replace(",", " "),
                gap=10,
            ),
            Line("Постановление может быть обжаловано в течение десяти суток.", gap=10),
            Line(DEMO_NOTE_RU, 8, gap=40),
        ],
        title=f"Постановление № {case}",
    )


def _arrest_in_absentia(number: int) -> bytes:
    court = COURTS[(number + 2) % len(COURTS)]
    article = ("ч. 2 ст. 207.3", "ст. 280.3", "ч. 2 ст. 205.2", "ст. 284.2")[number % 4]
    case = f"3/1-{310 + number * 11}/2023"
    return pdf_page(
        [
            Line(court, 11),
            Line(f"ПОСТАНОВЛЕНИЕ № {case}", 15, bold=True, gap=18),
            Line("об избрании меры пресечения в виде заключения под стражу (заочно)", 12),
            Line(
                f"Суд, рассмотрев ходатайство следователя об избрании меры пресечения обвиняемому {WITHHELD} "
                f"по уголовному делу, возбуждённому по признакам преступления, предусмотренного {article} "
                f"УК РФ, "
                "установил, что обвиняемый скрылся от органов предварительного следствия, выехал за пределы "
                "Российской Федерации и объявлен в международный розыск.",
                gap=14,
            ),
            Line(
                "ПОСТАНОВИЛ: избрать меру пресечения в виде заключения под стражу сроком на 2 месяца с "
                "момента экстрадиции или задержания на территории Российской Федерации.",
                gap=10,
            ),
            Line(DEMO_NOTE_RU, 8, gap=40),
        ],
        title=f"Постановление № {case}",
    )


def _wanted_notice(number: int) -> bytes:
    article = ("ч. 1 ст. 207.3", "ст. 280.3", "ст. 328", "ч. 5 ст. 337")[number % 4]
    return pdf_page(
        [
            Line("МВД России · Внимание, розыск", 12),
            Line("РАЗЫСКИВАЕТСЯ", 20, bold=True, gap=18),
            Line(f"{WITHHELD}", 12, gap=10),
            Line(
                f"Основание: обвиняется в совершении преступления, предусмотренного {article} УК РФ. Мера "
                f"пресечения: заключение под стражу.",
                gap=12,
            ),
            Line(
                "Сведения о местонахождении просьба сообщить в ближайший отдел полиции или по телефону 102.",
                gap=10,
            ),
            Line(DEMO_NOTE_RU, 8, gap=40),
        ],
        title="Розыск",
    )


def _criminal_case_notice(number: int) -> bytes:
    article = ("ч. 1 ст. 207.3", "ст. 280.3", "ч. 2 ст. 282.2", "ст. 284.1")[number % 4]
    return pdf_page(
        [
            Line("Следственное управление Следственного комитета Российской Федерации", 11),
            Line("УВЕДОМЛЕНИЕ", 15, bold=True, gap=18),
            Line("о возбуждении уголовного дела", 12),
            Line(
                f"Сообщаем, что в отношении {WITHHELD} возбуждено уголовное дело по признакам преступления, "
                f"предусмотренного {article} УК РФ. Вам надлежит явиться к следователю для допроса в "
                "качестве подозреваемого.",
                gap=14,
            ),
            Line(DEMO_NOTE_RU, 8, gap=40),
        ],
        title="Уведомление о возбуждении уголовного дела",
    )


def _text(text: str) -> bytes:
    return (text + "\n").encode()


@cache
def document_pool() -> dict[str, Document]:
    """Every demo document by key (generated on first use)."""
    documents: list[Document] = []
    documents += [Document(f"post-ru-{i}", f"post-{i}.txt", _text(t)) for i, t in enumerate(POSTS_RU)]
    documents += [Document(f"post-en-{i}", f"post-en-{i}.txt", _text(t)) for i, t in enumerate(POSTS_EN)]
    documents += [
        Document(f"article-{i}", f"article-{i}.html", _html(*article, number=i))
        for i, article in enumerate(ARTICLES)
    ]
    documents += [Document(f"witness-{i}", f"statement-{i}.txt", _text(t)) for i, t in enumerate(WITNESS_RU)]
    documents += [
        Document(f"ruling-{i}", f"postanovlenie-{i}.pdf", _administrative_ruling(i)) for i in range(4)
    ]
    documents += [Document(f"arrest-{i}", f"arrest-{i}.pdf", _arrest_in_absentia(i)) for i in range(4)]
    documents += [Document(f"wanted-{i}", f"rozysk-{i}.pdf", _wanted_notice(i)) for i in range(4)]
    documents += [Document(f"case-{i}", f"uvedomlenie-{i}.pdf", _criminal_case_notice(i)) for i in range(4)]
    documents += [
        Document(f"translation-{kind}", f"{kind}-translation-en.txt", _text(text))
        for kind, text in TRANSLATIONS.items()
    ]
    return {d.key: d for d in documents}


TRANSLATIONS = {
    "ruling": "Certified translation. RULING in a case of an administrative offence under Article 20.3.3(1) "
    "of the Russian Code of Administrative Offences ('discrediting' the armed forces): "
    "a fine was imposed for a "
    "placard reading 'No to war'. [Name withheld in the demo data.]",
    "arrest": "Certified translation. RULING ordering detention in absentia: the accused left Russia and was "
    "placed on the international wanted list. [Name withheld in the demo data.]",
    "wanted": "Translation. Russian Ministry of Internal Affairs: WANTED. Charged under the Criminal Code; "
    "measure of restraint: detention. [Name withheld in the demo data.]",
    "case": "Translation. NOTICE of the opening of a criminal case by the Investigative Committee. "
    "[Name withheld in the demo data.]",
}
