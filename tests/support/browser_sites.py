# ruff: noqa: E501 - fixture pages are kept as the sites write them, one element a line
"""Fixture pages for capture in a browser: pages that build themselves with scripts, load more when
scrolled, imitate Telegram's public pages, and try to reach addresses Haven must not fetch from."""

from __future__ import annotations

import io
import json

from PIL import Image

from tests.support.local_sites import Handler, page


def png(colour: tuple[int, int, int] = (200, 30, 30)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), colour).save(out, format="PNG")
    return out.getvalue()


# Enough of an MP4 for its type to be known from its bytes (ftyp box); no browser needs to play it.
VIDEO = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 2000

JS_PAGE = """<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Загрузка…</title>
<script src="/app.js"></script></head><body><div id="root">Загрузка…</div></body></html>"""

APP_JS = """
document.addEventListener("DOMContentLoaded", async () => {
  const answer = await fetch("/api/post.json");
  const post = await answer.json();
  document.title = post.title;
  const root = document.getElementById("root");
  root.innerHTML = "";
  const heading = document.createElement("h1");
  heading.textContent = post.title;
  const text = document.createElement("p");
  text.textContent = post.text;
  const photo = document.createElement("img");
  photo.src = "/photo.png";
  root.append(heading, text, photo);
});
"""

POST_JSON = json.dumps(
    {"title": "Пикет на Пушкинской", "text": "Сегодня мы вышли против войны. Нас задержали у памятника."},
    ensure_ascii=False,
).encode("utf-8")

FORBIDDEN_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Страница с ловушкой</title>
</head><body><p>Обычный текст поста.</p>
<img src="{forbidden}/secret.png">
<script>
fetch("{forbidden}/internal-api").catch(() => {{}});
try {{ new WebSocket("{socket}/socket"); }} catch (e) {{}}
fetch("/form", {{method: "POST", body: "x"}}).catch(() => {{}});
</script></body></html>"""

# Content that only arrives when the reader scrolls: a sentinel at the bottom asks for the next part.
SCROLL_PAGE = """<!doctype html><html><head><meta charset="utf-8"><title>Лента</title></head><body>
<div id="feed"><p style="height: 1500px">Первая часть ленты.</p></div><div id="end">…</div>
<script>
let part = 1;
const observer = new IntersectionObserver(async (entries) => {
  if (!entries[0].isIntersecting || part > 3) return;
  const number = part++;
  const answer = await fetch("/more?part=" + number);
  const paragraph = document.createElement("p");
  paragraph.style.height = "1500px";
  paragraph.textContent = await answer.text();
  document.getElementById("feed").append(paragraph);
});
observer.observe(document.getElementById("end"));
</script></body></html>"""


def more_part(request: object) -> None:
    number = str(getattr(request, "path", "")).rpartition("=")[2]
    page(
        f"Часть ленты номер {number}, загружена при прокрутке.".encode(),
        content_type="text/plain; charset=utf-8",
    )(
        request  # type: ignore[arg-type]
    )


# Imitates t.me/s/<channel>: the posts are in the HTML, each in Telegram's widget markup, with a
# photo as a background image and a video; Telegram's script then decorates and loads older posts.
TELEGRAM_CHANNEL = """<!doctype html><html><head><meta charset="utf-8">
<title>Свободный Урал – Telegram</title>
<meta property="og:title" content="Свободный Урал"><meta property="og:description" content="Новости без цензуры">
<style>.tgme_widget_message_photo_wrap {{ display: block; width: 40px; height: 30px }}</style>
<script src="/js/telegram-widget.js"></script></head>
<body class="widget_frame_base tgme_webpage"><main class="tgme_main">
<section class="tgme_channel_history js-message_history">
<div class="tgme_widget_message_wrap js-widget_message_wrap"><div class="tgme_widget_message" data-post="svobodny_ural/118">
<div class="tgme_widget_message_author"><a class="tgme_widget_message_owner_name"><span>Свободный Урал</span></a></div>
<a class="tgme_widget_message_photo_wrap" style="background-image:url('/file/photo.png')"></a>
<div class="tgme_widget_message_text js-message_text" dir="auto">Пикет у памятника Пушкину, 6 марта 2022 года.<br>Задержаны трое.</div>
<div class="tgme_widget_message_footer"><span class="tgme_widget_message_views">2,4K</span>
<a class="tgme_widget_message_date" href="/svobodny_ural/118"><time datetime="2022-03-06T12:00:00+00:00">12:00</time></a></div>
</div></div>
{video}
</section></main></body></html>"""

TELEGRAM_VIDEO = """<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="svobodny_ural/119">
<video class="tgme_widget_message_video" src="/file/video.mp4" preload="auto" muted></video>
<div class="tgme_widget_message_text" dir="auto">Видео с акции.</div></div></div>"""

TELEGRAM_WIDGET_JS = """
document.addEventListener("DOMContentLoaded", async () => {
  const answer = await fetch("/s/svobodny_ural?before=118", {headers: {"X-Requested-With": "XMLHttpRequest"}});
  const older = await answer.text();
  document.querySelector(".js-message_history").insertAdjacentHTML("afterbegin", older);
  document.body.classList.add("tgme_widget_ready");
});
"""

TELEGRAM_OLDER = """<div class="tgme_widget_message_wrap"><div class="tgme_widget_message" data-post="svobodny_ural/117">
<div class="tgme_widget_message_text" dir="auto">Более ранний пост: сбор подписей против мобилизации.</div>
</div></div>"""


def telegram_routes() -> dict[str, Handler]:
    html = "text/html; charset=utf-8"
    return {
        "/s/svobodny_ural": page(TELEGRAM_CHANNEL.format(video="").encode(), content_type=html),
        "/s/svobodny_ural?before=118": page(TELEGRAM_OLDER.encode(), content_type=html),
        "/svobodny_ural/119": page(TELEGRAM_CHANNEL.format(video=TELEGRAM_VIDEO).encode(), content_type=html),
        "/js/telegram-widget.js": page(TELEGRAM_WIDGET_JS.encode(), content_type="text/javascript"),
        "/file/photo.png": page(png((30, 90, 200)), content_type="image/png"),
        "/file/video.mp4": page(VIDEO, content_type="video/mp4"),
    }


def js_routes() -> dict[str, Handler]:
    return {
        "/post": page(JS_PAGE.encode(), content_type="text/html; charset=utf-8"),
        "/app.js": page(APP_JS.encode(), content_type="text/javascript; charset=utf-8"),
        "/api/post.json": page(POST_JSON, content_type="application/json"),
        "/photo.png": page(png(), content_type="image/png"),
    }
