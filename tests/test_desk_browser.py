"""The review desk in headless Chromium, driven by selenium through Debian's
chromium-driver (`make test` installs both): paste an article, review it, override a
verdict and find it kept after a reload; a phone-width page with no horizontal overflow;
script and attribute payloads in the text and in file names run nothing.

FACTCHECK_DOCS_SCREENSHOTS=1 also writes the README's screenshots into docs/.
"""
from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("starlette")
webdriver = pytest.importorskip("selenium.webdriver")

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import Select, WebDriverWait  # noqa: E402

from factcheck.serve import DeskConfig, create_app  # noqa: E402

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(CHROMIUM is None or DRIVER is None,
                                reason="chromium and chromium-driver are not installed (make test installs them)")
DOCS = Path(__file__).resolve().parents[1] / "docs"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]
ARTICLE = """Tokyo markets, Wednesday, January 21, 2026

Japanese government bonds sold off again on Tuesday. The 10-year JGB yield rose 6 basis points to 2.33%, \
and the 30-year yield climbed to 3.77%, a record high.

Across the Pacific the 10-year Treasury yield held at 4.30%, leaving the gap with the JGB at 197 basis points. \
Equities struggled: the Nikkei 225 fell 2.5% on Tuesday, while the yen traded near 158 per dollar.

The Bank of Japan raised rates to 0.75% in January 2025, and markets expect another increase to 1% by the summer.
"""
PAYLOAD = ('<script>document.title="PWNED";document.documentElement.setAttribute("data-pwned","script")</script>'
           '<img src=x onerror="document.documentElement.setAttribute(\'data-pwned\',\'onerror\');alert(1)">'
           '<svg onload="alert(2)"></svg>" onmouseover="alert(3)" x="')
FILE_NAME = '"><img src=x onerror=alert(4)><svg onload=alert(5)>.txt'


class Server:
    """The desk on uvicorn, in a thread, on a free port of 127.0.0.1."""

    def __init__(self, app):
        import uvicorn

        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.server = uvicorn.Server(uvicorn.Config(app, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self):
        self.thread.start()
        for _ in range(200):
            if self.server.started:
                return self
            time.sleep(0.02)
        raise RuntimeError("the desk did not start")

    def __exit__(self, *exc):
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="module")
def desk(tmp_path_factory, checker):
    state = tmp_path_factory.mktemp("desk")
    folder = state / "folder"
    folder.mkdir()
    (folder / "tuesday.txt").write_text(ARTICLE)
    with Server(create_app(DeskConfig(state / "state", batch_dir=folder), checker=checker)) as server:
        yield f"http://127.0.0.1:{server.port}", state


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for flag in FLAGS + [f"--user-data-dir={tmp_path_factory.mktemp('profile')}"]:
        options.add_argument(flag)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=DRIVER), options=options)
    driver.set_page_load_timeout(30)
    yield driver
    driver.quit()


def wait_for_url(browser, part: str) -> str:
    """The URL once the navigation a click started has reached a page whose URL holds ``part``."""
    WebDriverWait(browser, 20).until(lambda d: part in d.current_url and
                                     d.execute_script("return document.readyState") == "complete")
    return browser.current_url


def paste(browser, base: str, text: str, day: str = "2026-01-21") -> str:
    browser.get(base + "/")
    browser.find_element(By.ID, "text").send_keys(text)
    browser.execute_script("document.getElementById('date').value = arguments[0]", day)
    browser.find_element(By.ID, "submit").click()
    return wait_for_url(browser, "/doc/")


def no_alert(browser) -> bool:
    try:
        browser.switch_to.alert
    except NoAlertPresentException:
        return True
    return False


def test_paste_override_reload_keeps_the_decision(desk, browser):
    base, _ = desk
    page = paste(browser, base, ARTICLE)
    assert len(browser.find_elements(By.CSS_SELECTOR, "mark")) >= 8
    card = browser.find_element(By.CSS_SELECTOR, "section.card.v-accurate")
    card_id = card.get_attribute("id")
    Select(card.find_element(By.NAME, "label")).select_by_value("inaccurate")
    card.find_element(By.NAME, "note").send_keys("the close was revised")
    card.find_element(By.CSS_SELECTOR, "button[value=override]").click()
    assert wait_for_url(browser, "#" + card_id).endswith("#" + card_id)
    browser.get(page.split("#")[0])  # a fresh load of the review page
    kept = browser.find_element(By.ID, card_id)
    assert "Reviewer overrode to inaccurate" in kept.text and "the close was revised" in kept.text
    assert Select(kept.find_element(By.NAME, "label")).first_selected_option.get_attribute("value") == "inaccurate"


def test_card_and_highlight_link_both_ways(desk, browser):
    base, _ = desk
    paste(browser, base, ARTICLE)
    browser.find_element(By.CSS_SELECTOR, "a.hl#t2").click()
    assert wait_for_url(browser, "#c2").endswith("#c2")
    browser.find_element(By.CSS_SELECTOR, "#c2 a.num").click()
    assert wait_for_url(browser, "#t2").endswith("#t2")


def _shot(browser, name: str, tmp_path: Path) -> Path:
    path = tmp_path / name
    browser.save_screenshot(str(path))
    if os.environ.get("FACTCHECK_DOCS_SCREENSHOTS"):
        shutil.copy(path, DOCS / name)
    return path


def test_phone_width_has_no_horizontal_overflow(desk, browser, tmp_path):
    base, _ = desk
    browser.set_window_size(390, 844)
    try:
        browser.get(base + "/")
        assert browser.execute_script("return document.documentElement.scrollWidth") <= \
            browser.execute_script("return window.innerWidth")
        page = paste(browser, base, ARTICLE)
        browser.get(page.split("#")[0])
        width, inner = browser.execute_script("return [document.documentElement.scrollWidth, window.innerWidth]")
        assert inner <= 400 and width <= inner, (width, inner)
        article = browser.find_element(By.TAG_NAME, "article").rect
        aside = browser.find_element(By.TAG_NAME, "aside").rect
        assert aside["y"] >= article["y"] + article["height"] - 1  # one column: the cards under the text
        browser.execute_script("document.querySelector('details.readings, section.card').scrollIntoView()")
        shot = _shot(browser, "review-phone.png", tmp_path)
        assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    finally:
        browser.set_window_size(1280, 900)


def test_desk_screenshot(desk, browser, tmp_path):
    base, _ = desk
    browser.set_window_size(1280, 900)
    browser.get(base + "/")
    browser.find_element(By.ID, "text").send_keys(ARTICLE)
    assert _shot(browser, "desk.png", tmp_path).stat().st_size > 20_000


def test_payloads_in_text_and_file_names_run_nothing(desk, browser, tmp_path):
    base, _ = desk
    paste(browser, base, f"{PAYLOAD} The 10-year JGB yield rose 6 basis points to 2.33% on Tuesday. {PAYLOAD}")
    assert no_alert(browser) and browser.title != "PWNED"
    assert browser.execute_script("return document.documentElement.getAttribute('data-pwned')") is None
    assert "<script>document.title" in browser.find_element(By.TAG_NAME, "article").text  # shown as text
    upload = tmp_path / FILE_NAME
    upload.write_text(f"{PAYLOAD} The Nikkei 225 fell 2.5% on Tuesday.")
    browser.get(base + "/")
    browser.find_element(By.ID, "file").send_keys(str(upload))
    browser.find_element(By.ID, "submit").click()
    assert "/doc/" in wait_for_url(browser, "/doc/") and no_alert(browser)
    assert "<img src=x onerror=alert(4)><svg onload=alert(5)>.txt" in browser.find_element(By.TAG_NAME, "h1").text
    for url in (base + "/", base + "/batch/"):
        browser.get(url)
        assert no_alert(browser) and browser.title != "PWNED"
        assert browser.execute_script("return document.querySelectorAll('img, svg[onload], script').length") == 0
