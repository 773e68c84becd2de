"""Given names that are the same name written another way: reference data, not rules.

One line per name: the sex (``M``, ``F``), its full forms in any script, then after ``|`` its short
and familiar forms. Spellings that differ only by transliteration need not be listed (the skeleton
keys of :mod:`haven_core.names.keys` already make "Iuliia", "Yuliya" and "Юлия" meet); what is listed
is what no transliteration produces: English and other foreign equivalents (Michael for Михаил,
Eugene for Евгений) and diminutives (Юля, Sasha, Dima). A short form may belong to several names
(Саша is Александр or Александра): it then agrees with each of them, more weakly than a full form.

Sources: standard Russian name dictionaries (Petrovsky, «Словарь русских личных имён», 1966 and later
editions) for full and short forms; the English forms are those the English-language press and US
records commonly use; Ukrainian forms (Oleksandr, Olha) as Ukrainian passports transliterate them;
German and Polish forms where their letters for з and ж make another name's key (Soja, Shanna,
Nadeshda: German writes both з and с as "s", and ж as "sh").
Confidence: M (one good secondary source per form; usage varies).
"""

GIVEN_NAMES = """
M Александр Alexander Oleksandr Олександр Alexandre Aleksander | Саша Саня Шура Sasha Sanya Shura Alex Алекс
M Алексей Alexei Oleksii Oleksiy Олексій Alexey Alexis Aleksey | Алёша Лёша Alyosha Lyosha Alex Алекс
M Анатолий Anatoly Anatoli Anatole | Толя Tolya
M Андрей Andrei Andrii Andriy Андрій Andrey Andrew Andre André Andrzej | Андрюша Andryusha Andy
M Антон Anton Anthony Antoine Antony | Тоша Антоша Tosha
M Аркадий Arkady Arkadi | Аркаша Arkasha
M Арсений Arseny Arseni | Сеня Senya Арсюша
M Артём Artyom Artem Artemy Артемий | Тёма Tyoma
M Богдан Bogdan Bohdan | Бодя Bodya
M Борис Boris | Боря Borya
M Вадим Vadim | Вадик Vadik
M Валентин Valentin Valentine | Валя Valya
M Валерий Valery Valeri Valerii | Валера Valera
M Василий Vasily Vasyl Василь Vasili Vassily Basil | Вася Vasya
M Вениамин Veniamin Benjamin | Веня Venya
M Виктор Viktor Victor | Витя Vitya
M Виталий Vitaly Vitali Vitaliy | Виталик Витя Vitalik Vitya
M Владимир Vladimir Volodymyr Włodzimierz | Володя Вова Volodya Vova
M Владислав Vladislav | Влад Vlad Владик Vladik Слава Slava
M Всеволод Vsevolod | Сева Seva
M Вячеслав Vyacheslav Viacheslav | Слава Slava
M Геннадий Gennady Gennadi | Гена Gena
M Георгий Georgy Heorhii Heorhiy Georgi George Georges | Жора Гоша Zhora Gosha
M Глеб Gleb Hlib Гліб
M Григорий Grigory Hryhorii Hryhoriy Grigori Gregory Grégoire | Гриша Grisha
M Давид David Давыд | Дава Dave
M Даниил Daniil Daniel Данила Danila Данил Danil | Даня Danya
M Денис Denis | Дэн Den
M Дмитрий Dmitry Dmytro Дмитро Dmitri Dimitri Dimitry | Дима Митя Dima Mitya
M Евгений Yevgeny Yevhen Yevhenii Євген Evgeny Evgeni Eugene Eugen Jewgeni | Женя Zhenya
M Егор Yegor Egor | Егорка
M Ефим Yefim Efim | Фима Fima
M Иван Ivan Иоанн Ioann John Johann | Ваня Vanya
M Игорь Igor Ihor Ігор
M Илья Ilya Ilia Elijah Elias | Илюша Ilyusha
M Иосиф Iosif Joseph Josef Осип Osip | Ося Osya
M Кирилл Kirill Cyril Kyrylo
M Константин Konstantin Kostiantyn Kostyantyn Constantine Konstantyn | Костя Kostya
M Лев Lev Leo | Лёва Lyova
M Леонид Leonid | Лёня Lyonya
M Максим Maxim Maksim Maximilian | Макс Max
M Марк Mark Marc Marcus
M Матвей Matvei Matvey Matthew Matthias | Мотя Матюша
M Михаил Mikhail Michael Michel Michail Mykhailo Майкл | Миша Misha Mike
M Никита Nikita
M Николай Nikolai Nikolay Nicholas Nicolas Nikolaus Mykola | Коля Kolya Nick Nik
M Олег Oleg Oleh
M Павел Pavel Paul Pavlo | Паша Pasha
M Пётр Pyotr Petr Peter Pierre Petro | Петя Petya Pete
M Роман Roman | Рома Roma
M Ростислав Rostislav | Ростик Rostik Слава Slava
M Руслан Ruslan
M Святослав Svyatoslav Sviatoslav | Слава Slava
M Семён Semyon Semen Simon Семен | Сеня Senya
M Сергей Sergei Serhii Сергій Sergey Serge Sergio Serhiy | Серёжа Seryozha
M Станислав Stanislav Stanislaw | Стас Stas Слава Slava
M Степан Stepan Stephen Steven Stefan | Стёпа Styopa
M Тимофей Timofei Tymofii Timofey Timothy | Тима Tima
M Тимур Timur
M Фёдор Fyodor Fedir Федір Fedor Theodore Feodor | Федя Fedya
M Филипп Filipp Philip Philippe Phillip | Филя
M Эдуард Eduard Edward | Эдик Edik
M Юрий Yuri Yury Yuriy Iurii | Юра Yura
M Яков Yakov Jacob Jakob Jacques | Яша Yasha
M Ярослав Yaroslav | Ярик Yarik Слава Slava
M Эльдар Eldar
M Рашад Rashad
M Фарид Farid
M Эльчин Elchin
M Орхан Orkhan Orhan
M Самир Samir
M Тофиг Tofig Tofiq Тофик Tofik
M Ильгар Ilgar
M Рауф Rauf
M Вугар Vugar Vuqar
M Намик Namik Namiq
M Рустам Rustam Рустем Rustem
M Ильдар Ildar
M Айдар Aidar Aydar
M Ринат Rinat
M Марат Marat
M Азат Azat
M Рамиль Ramil
M Радик Radik
M Булат Bulat
M Камиль Kamil
M Магомед Magomed Muhammad Mohammed Mohamed Магомет Мухаммед Muhammed
M Ахмед Akhmed Ahmed Ahmad Ахмад
M Мурад Murad Murat Мурат
M Шамиль Shamil Chamil
M Ислам Islam
M Хасан Khasan Hasan Hassan
M Заур Zaur
M Адам Adam
M Христо Hristo Christo Khristo
M Артур Artur Arthur
M Ян Yan Jan
M Герман German Herman Hermann
M Альберт Albert | Алик Alik
M Роберт Robert | Роб
M Аслан Aslan
M Ибрагим Ibragim Ibrahim
M Рубен Ruben
M Ровшан Rovshan
M Тарас Taras
M Тихон Tikhon
M Мирон Miron
M Гарри Garri Harry
M Карен Karen
M Эмиль Emil Emile
M Эрик Erik Eric
M Рудольф Rudolf Rudolph | Рудик
M Феликс Feliks Felix
M Игнат Ignat Ignatius Игнатий
M Назар Nazar
M Савва Savva
M Остап Ostap
M Родион Rodion | Родя
M Демьян Demyan Damian
M Лука Luka Luke Luca
M Макар Makar
M Прохор Prokhor
M Захар Zakhar Zachary Sachar
M Елисей Yelisei Elisey
M Платон Platon Plato
M Мирослав Miroslav
M Эдгар Edgar
M Арсен Arsen
M Ашот Ashot
M Самуил Samuil Samuel | Сёма
M Натан Natan Nathan
M Исаак Isaak Isaac
M Моисей Moisei Moses
M Лоран Laurent
M Жан Jean Zhan
F Александра Alexandra Aleksandra | Саша Шура Sasha Shura Sanya Alex
F Алёна Alyona Alena Alena | Алёнка
F Алиса Alisa Alice
F Анастасия Anastasia Anastasiya Anastacia | Настя Ася Nastya Stacy Asya
F Анна Anna Ann Anne Hanna Hannah | Аня Нюра Anya Annie
F Антонина Antonina | Тоня Tonya
F Арина Arina
F Валентина Valentina | Валя Valya
F Валерия Valeria Valerie | Лера Lera
F Варвара Varvara Barbara | Варя Varya
F Вера Vera Vira Віра
F Вероника Veronika Veronica | Ника Nika
F Виктория Viktoria Victoria | Вика Vika Tori
F Галина Galina Halyna | Галя Galya
F Дарья Дария Darya Daria Dariya | Даша Dasha
F Диана Diana
F Ева Eva Eve
F Евгения Yevgenia Evgenia Eugenia | Женя Zhenya Jenny
F Екатерина Yekaterina Ekaterina Katerina Катерина Catherine Katherine Kathryn | Катя Katya Kate Katie
F Елена Yelena Elena Helen Helena Hélène Olena | Лена Lena
F Елизавета Yelizaveta Elizaveta Elizabeth Elisabeth Elisabeth | Лиза Liza Lisa Beth
F Жанна Zhanna Jeanne Shanna Schanna Žanna Żanna
F Зинаида Zinaida Sinaida | Зина Zina Sina
F Зоя Zoya Zoe Soja Zoja
F Инна Inna
F Ирина Irina Irene Iryna | Ира Ira
F Карина Karina
F Кира Kira
F Кристина Kristina Christina Christine
F Ксения Ksenia Kseniya Xenia | Ксюша Ksyusha
F Оксана Oksana Oxana
F Лариса Larisa Larissa | Лара Lara
F Лидия Lidia Lydia | Лида Lida
F Любовь Lyubov Lubov Liubov | Люба Lyuba
F Людмила Lyudmila Ludmila Ludmilla | Люда Мила Lyuda Mila
F Маргарита Margarita Margaret Marguerite | Рита Rita
F Марина Marina
F Мария Maria Mariya Mary Marie Marya Мариа | Маша Маня Masha Manya
F Надежда Nadezhda Nadiia Надія Nadezda Nadeshda Nadeschda Nadzieja | Надя Nadia Nadya Nadja
F Наталья Наталия Natalia Natalya Natalie Nathalie | Наташа Natasha
F Нина Nina
F Олеся Olesya Olesia
F Ольга Olga Olha | Оля Olya
F Полина Polina Pauline Paulina | Поля Polya
F Светлана Svetlana Svitlana | Света Sveta Lana
F София Софья Sofia Sofya Sophia Sophie | Соня Sonya
F Таисия Taisia Taisiya | Тая Taya
F Тамара Tamara | Тома Toma
F Татьяна Tatiana Tatyana Tatjana Tetiana | Таня Tanya
F Ульяна Ulyana Uliana | Уля Ulya
F Юлия Yulia Yuliya Julia Julie Julija Juliya Джулия | Юля Yulya
F Яна Yana Jana
F Ярослава Yaroslava | Слава Slava Яся
F Регина Regina
F Эльвира Elvira
F Айгуль Aigul Aygul
F Гульнара Gulnara
F Алсу Alsu
F Лейсан Leysan Leisan
F Диляра Dilyara Dilara
F Гузель Guzel Gyuzel
F Резеда Rezeda
F Альфия Alfiya Alfia
F Камила Kamila Camila
F Амина Amina
F Лейла Leyla Leila Layla Лейля
F Айтен Aytan Ayten
F Гюнай Gunay Günay
F Севиндж Sevinj Sevinc
F Нигяр Nigar
F Самира Samira
F Нармин Narmin
F Севда Sevda
F Мадина Madina
F Зарема Zarema
F Патимат Patimat
F Аминат Aminat
F Хеда Kheda Heda
F Марьям Maryam Mariam Miriam
F Луиза Luiza Louise
F Милана Milana
F Тамилла Tamilla Тамила Tamila
F Фелицата Felitsata
F Алла Alla
F Раиса Raisa | Рая Raya
F Виолетта Violetta Violet
F Залина Zalina
F Фарида Farida
F Марианна Marianna Marianne
F Земфира Zemfira
F Алина Alina
F Римма Rimma
F Инга Inga
F Эмма Emma
F Элла Ella
F Роза Roza Rosa
F Клара Klara Clara
F Майя Maya Maia
F Ангелина Angelina | Геля
F Василиса Vasilisa
F Злата Zlata
F Эльмира Elmira
F Эвелина Evelina Eveline
F Снежана Snezhana Sneshana
F Стефания Stefania Stephanie
F Нелли Nelly Nelli
F Инесса Inessa
F Владислава Vladislava | Влада Vlada
F Станислава Stanislava | Стася Stasya
F Мирослава Miroslava | Мира Mira
F Милена Milena
F Серафима Serafima | Сима Sima
F Агата Agata Agatha
F Агния Agnia Agniya
F Есения Yesenia Esenia
F Аделина Adelina
F Эльза Elza Elsa
F Олимпиада Olimpiada | Липа
"""
