"""Names the synthetic coalition is made of, kept as data.

Russian surnames change with sex (Котов, Котова; Островский, Островская) except those that do not
decline (Шевченко, Рабинович, Гольдберг); :func:`feminine` knows the rule. Male given names carry
their patronymic forms, because those are irregular enough (Илья → Ильич, Ильинична; Дмитрий →
Дмитриевич; Лев → Львович) that a rule would get some wrong. Every given name carries the form the
English-language press uses (Yulia, Alexei, Dmitry), which passports never do.

Each given name has the generations it is common in: ``O`` (born before about 1970), ``M`` (about
1965–1995) and ``Y`` (since about 1990), so that a grandmother is Людмила and a granddaughter Алиса.
Azerbaijani families write the patronymic with оглы (son of) or кызы (daughter of) after the father's
name (``Эльдар Рашад оглы``); Tatar and North Caucasian families mostly use the Russian form.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class GivenName:
    cyrillic: str
    press: str
    eras: str
    patronymic_male: str = ""
    patronymic_female: str = ""


@dataclass(frozen=True)
class Origin:
    """Where a family's names come from, with what tends to go with them."""

    name: str
    weight: float
    surnames: tuple[str, ...]  # male forms
    male: tuple[GivenName, ...]
    female: tuple[GivenName, ...]
    turkic_patronymic: bool = False  # оглы / кызы
    birthplaces: tuple[str, ...] = ()  # empty: Russian cities in general
    second_citizenship: str = ""
    language: str = ""


_DECLINING = (("ский", "ская"), ("цкий", "цкая"), ("ой", "ая"), ("ый", "ая"), ("ов", "ова"), ("ёв", "ёва"),
              ("ев", "ева"), ("ин", "ина"), ("ын", "ына"))  # fmt: skip


def feminine(surname: str) -> str:
    """The form a woman of the family bears: Котов → Котова, Островский → Островская, Шевченко stays.

    >>> feminine("Соколов-Лебедев")
    'Соколова-Лебедева'
    """
    if "-" in surname:
        return "-".join(feminine(part) for part in surname.split("-"))
    for male, female in _DECLINING:
        if surname.endswith(male):
            return surname[: -len(male)] + female
    return surname


def _male(table: str) -> tuple[GivenName, ...]:
    rows = (line.split() for line in table.strip().splitlines())
    return tuple(GivenName(c, p, e, pm, pf) for c, p, pm, pf, e in rows)


def _female(table: str) -> tuple[GivenName, ...]:
    rows = (line.split() for line in table.strip().splitlines())
    return tuple(GivenName(c, p, e) for c, p, e in rows)


def _turkic(table: str) -> tuple[GivenName, ...]:
    rows = (line.split() for line in table.strip().splitlines())
    return tuple(GivenName(c, p, e, f"{c} оглы", f"{c} кызы") for c, p, e in rows)


RUSSIAN_SURNAMES = tuple(
    """
    Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков
    Алексеев Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин
    Захаров Зайцев Соловьёв Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов
    Александров Дмитриев Королёв Гусев Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв
    Белов Медведев Антонов Тарасов Жуков Баранов Филиппов Комаров Давыдов Беляев Герасимов Богданов
    Осипов Сидоров Матвеев Титов Марков Миронов Крылов Куликов Карпов Власов Мельников Денисов
    Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин Чернов Абрамов Мартынов
    Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов Коновалов Лазарев
    Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв Овчинников
    Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин
    Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков
    Горбунов Анисимов Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров
    Симонов Прокофьев Харитонов Князев Цветков Блинов Шубин Шилов Цыганков Чистяков Ширяев Рыбаков
    Суворов Кравцов Жданов Зуев Любимов Рожков Щукин Третьяков Туманов Мухин Лавров Хохлов Шестаков
    Зимин Глебов Добрынин Островский Вишневский Покровский Успенский Троицкий Высоцкий Белецкий
    Толстой Полевой Луговой Береговой Чёрный Белый Юсупов Шишкин Хрусталёв Ёлкин Сёмин
    """.split()
)

RUSSIAN_MALE = _male(
    """
    Александр Alexander Александрович Александровна OMY
    Алексей Alexei Алексеевич Алексеевна OMY
    Анатолий Anatoly Анатольевич Анатольевна O
    Андрей Andrei Андреевич Андреевна OMY
    Антон Anton Антонович Антоновна MY
    Аркадий Arkady Аркадьевич Аркадьевна O
    Артём Artyom Артёмович Артёмовна MY
    Борис Boris Борисович Борисовна OM
    Вадим Vadim Вадимович Вадимовна OM
    Валерий Valery Валерьевич Валерьевна OM
    Василий Vasily Васильевич Васильевна OMY
    Виктор Viktor Викторович Викторовна OM
    Виталий Vitaly Витальевич Витальевна OM
    Владимир Vladimir Владимирович Владимировна OMY
    Владислав Vladislav Владиславович Владиславовна MY
    Вячеслав Vyacheslav Вячеславович Вячеславовна OM
    Геннадий Gennady Геннадьевич Геннадьевна O
    Георгий Georgy Георгиевич Георгиевна OMY
    Глеб Gleb Глебович Глебовна MY
    Григорий Grigory Григорьевич Григорьевна OMY
    Даниил Daniil Даниилович Данииловна MY
    Денис Denis Денисович Денисовна M
    Дмитрий Dmitry Дмитриевич Дмитриевна OMY
    Евгений Yevgeny Евгеньевич Евгеньевна OM
    Егор Yegor Егорович Егоровна MY
    Иван Ivan Иванович Ивановна OMY
    Игорь Igor Игоревич Игоревна OM
    Илья Ilya Ильич Ильинична MY
    Кирилл Kirill Кириллович Кирилловна MY
    Константин Konstantin Константинович Константиновна OM
    Лев Lev Львович Львовна OY
    Леонид Leonid Леонидович Леонидовна O
    Максим Maxim Максимович Максимовна MY
    Марк Mark Маркович Марковна Y
    Матвей Matvei Матвеевич Матвеевна Y
    Михаил Mikhail Михайлович Михайловна OMY
    Никита Nikita Никитич Никитична MY
    Николай Nikolai Николаевич Николаевна OM
    Олег Oleg Олегович Олеговна OM
    Павел Pavel Павлович Павловна OMY
    Пётр Pyotr Петрович Петровна OY
    Роман Roman Романович Романовна MY
    Руслан Ruslan Русланович Руслановна M
    Семён Semyon Семёнович Семёновна OY
    Сергей Sergei Сергеевич Сергеевна OM
    Станислав Stanislav Станиславович Станиславовна OM
    Степан Stepan Степанович Степановна Y
    Тимофей Timofei Тимофеевич Тимофеевна Y
    Фёдор Fyodor Фёдорович Фёдоровна OY
    Юрий Yuri Юрьевич Юрьевна OM
    Яков Yakov Яковлевич Яковлевна OY
    Ярослав Yaroslav Ярославович Ярославовна MY
    """
)

RUSSIAN_FEMALE = _female(
    """
    Александра Alexandra OMY
    Алёна Alyona MY
    Алиса Alisa Y
    Анастасия Anastasia MY
    Анна Anna OMY
    Арина Arina Y
    Валентина Valentina O
    Варвара Varvara Y
    Вера Vera OY
    Вероника Veronika MY
    Виктория Victoria MY
    Галина Galina O
    Дарья Darya MY
    Ева Eva Y
    Екатерина Yekaterina OMY
    Елена Elena OM
    Елизавета Yelizaveta Y
    Жанна Zhanna M
    Зоя Zoya OY
    Ирина Irina OM
    Кира Kira Y
    Ксения Ksenia MY
    Лариса Larisa O
    Лидия Lidia O
    Любовь Lyubov O
    Людмила Lyudmila O
    Маргарита Margarita MY
    Марина Marina OM
    Мария Maria OMY
    Надежда Nadezhda OM
    Наталья Natalia OM
    Нина Nina O
    Ольга Olga OM
    Полина Polina MY
    Светлана Svetlana OM
    София Sofia Y
    Таисия Taisia Y
    Тамара Tamara O
    Татьяна Tatiana OM
    Ульяна Ulyana Y
    Юлия Yulia MY
    Яна Yana MY
    Ярослава Yaroslava Y
    """
)

TATAR = Origin(
    name="tatar",
    weight=0.05,
    surnames=tuple(
        "Хабибуллин Сафин Галиев Гарипов Валиев Шарипов Закиров Нуриев Хайруллин Мухаметшин Гайнуллин "
        "Зарипов Садыков Ахметов Файзуллин".split()
    ),
    male=_male(
        """
        Рустам Rustam Рустамович Рустамовна MY
        Ильдар Ildar Ильдарович Ильдаровна OM
        Айдар Aidar Айдарович Айдаровна MY
        Ринат Rinat Ринатович Ринатовна OM
        Марат Marat Маратович Маратовна OM
        Тимур Timur Тимурович Тимуровна MY
        Азат Azat Азатович Азатовна MY
        Рамиль Ramil Рамилевич Рамилевна OM
        Радик Radik Радикович Радиковна O
        Булат Bulat Булатович Булатовна MY
        Камиль Kamil Камилевич Камилевна MY
        """
    ),
    female=_female(
        """
        Айгуль Aigul MY
        Гульнара Gulnara OM
        Алсу Alsu MY
        Лейсан Leysan MY
        Диляра Dilyara MY
        Гузель Guzel OM
        Резеда Rezeda OM
        Альфия Alfiya O
        Эльвира Elvira OM
        Камила Kamila Y
        Амина Amina Y
        """
    ),
    birthplaces=("Казань", "Казань", "Набережные Челны", "Альметьевск", "Уфа", "Москва"),
    language="Tatar",
)

AZERBAIJANI = Origin(
    name="azerbaijani",
    weight=0.025,
    surnames=tuple(
        "Мамедов Алиев Гасанов Гусейнов Керимов Исмаилов Агаев Рзаев Аббасов Бабаев Велиев".split()
    ),
    male=_turkic(
        """
        Эльдар Eldar OMY
        Рашад Rashad MY
        Фарид Farid MY
        Эльчин Elchin OM
        Орхан Orkhan MY
        Самир Samir MY
        Тофиг Tofig O
        Ильгар Ilgar OM
        Рауф Rauf O
        Вугар Vugar OM
        Намик Namik O
        """
    ),
    female=_female(
        """
        Лейла Leyla OMY
        Айтен Aytan MY
        Гюнай Gunay MY
        Севиндж Sevinj MY
        Нигяр Nigar MY
        Самира Samira OM
        Нармин Narmin MY
        Севда Sevda O
        """
    ),
    turkic_patronymic=True,
    birthplaces=("Баку", "Баку", "Москва", "Дербент", "Санкт-Петербург"),
    second_citizenship="AZ",
    language="Azerbaijani",
)

NORTH_CAUCASIAN = Origin(
    name="north_caucasian",
    weight=0.025,
    surnames=tuple(
        "Магомедов Умаров Абдуллаев Гаджиев Мусаев Хасанов Алиханов Эльмурзаев Цечоев Батукаев".split()
    ),
    male=_male(
        """
        Магомед Magomed Магомедович Магомедовна OMY
        Ахмед Akhmed Ахмедович Ахмедовна OMY
        Мурад Murad Мурадович Мурадовна MY
        Шамиль Shamil Шамилевич Шамилевна OMY
        Ислам Islam Исламович Исламовна MY
        Хасан Khasan Хасанович Хасановна OM
        Заур Zaur Заурович Зауровна MY
        Адам Adam Адамович Адамовна MY
        Тимур Timur Тимурович Тимуровна MY
        """
    ),
    female=_female(
        """
        Мадина Madina MY
        Зарема Zarema OM
        Патимат Patimat OM
        Аминат Aminat MY
        Хеда Kheda MY
        Марьям Maryam MY
        Луиза Luiza OM
        Милана Milana Y
        """
    ),
    birthplaces=("Грозный", "Махачкала", "Назрань", "Дербент", "Хасавюрт", "Москва"),
    language="Chechen",
)

UKRAINIAN_ROOTED = Origin(
    name="ukrainian_rooted",
    weight=0.045,
    surnames=tuple(
        "Шевченко Бондаренко Коваленко Ткаченко Кравченко Лысенко Руденко Мельник Ковальчук Савчук Полищук "
        "Гончаренко Марченко Клименко Федоренко Литвиненко".split()
    ),
    male=RUSSIAN_MALE,
    female=RUSSIAN_FEMALE,
    birthplaces=("Харьков", "Донецк", "Киев", "Одесса", "Ростов-на-Дону", "Краснодар", "Москва", "Белгород"),
    second_citizenship="UA",
    language="Ukrainian",
)

JEWISH_ROOTED = Origin(
    name="jewish_rooted",
    weight=0.025,
    surnames=tuple(
        "Рабинович Кацман Гольдберг Левин Шапиро Фридман Коган Гуревич Лифшиц Вайнштейн Эпштейн Зильберман "
        "Каплан Гинзбург Райхман".split()
    ),
    male=RUSSIAN_MALE,
    female=RUSSIAN_FEMALE,
    birthplaces=("Москва", "Санкт-Петербург", "Екатеринбург", "Новосибирск", "Самара"),
    second_citizenship="IL",
    language="Hebrew",
)

RUSSIAN = Origin(
    name="russian", weight=0.83, surnames=RUSSIAN_SURNAMES, male=RUSSIAN_MALE, female=RUSSIAN_FEMALE
)

ORIGINS: tuple[Origin, ...] = (RUSSIAN, TATAR, AZERBAIJANI, NORTH_CAUCASIAN, UKRAINIAN_ROOTED, JEWISH_ROOTED)

# The English press form of every given name above, by its Cyrillic form.
PRESS_FORMS: dict[str, str] = {
    name.cyrillic: name.press for origin in ORIGINS for name in (*origin.male, *origin.female)
}
