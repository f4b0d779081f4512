"""The HTML quiz in a real headless Chromium: answered from the keyboard, scored on the page.

Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them) and selenium
(the dev extra); skipped, with the reason, where either is missing.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from quizgen import render
from quizgen._deck import Deck
from quizgen._quiz.check import normalize

pytestmark = pytest.mark.slow  # starts a browser

# Flags for a browser that never reaches the network and keeps nothing between runs.
FLAGS = (
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=900,1000",
)


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not chromium or not driver:
        pytest.skip("no Chromium browser: install chromium and chromium-driver (see .ci/run)")
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    with tempfile.TemporaryDirectory() as profile:
        for flag in (*FLAGS, f"--user-data-dir={profile}"):
            options.add_argument(flag)
        session = webdriver.Chrome(service=Service(driver), options=options)
        try:
            yield session
        finally:
            session.quit()


def test_a_student_answers_one_right_and_one_wrong(
    browser, tmp_path: Path, sample_deck: Deck
) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    page = tmp_path / "quiz.html"
    render("html", [sample_deck], page)
    browser.get(page.as_uri())

    # Question 1 (choice; the answer is B) 1979) has the focus: pick A from the keyboard.
    first = browser.switch_to.active_element
    assert first.text == "A) 1969"
    first.send_keys(Keys.ENTER)
    assert browser.find_element(By.CSS_SELECTOR, "#q0 .verdict").text == "Not quite."
    quote = browser.find_element(By.CSS_SELECTOR, "#q0 blockquote").text
    assert quote == sample_deck.questions[0].context
    browser.switch_to.active_element.send_keys(Keys.ENTER)  # "Next question"

    # Question 2 (short; "Владимир Путин", alias "Putin"): a title and a typo are forgiven.
    answer = browser.switch_to.active_element
    assert answer.get_attribute("id") == "a1"
    answer.send_keys(Keys.ENTER)  # a stray Enter is not graded
    assert browser.find_element(By.CSS_SELECTOR, "#q1 .verdict").text.startswith("Type your")
    assert browser.find_element(By.ID, "score").text.startswith("0 right of 1 answered")
    answer.send_keys("President Vladimir Putn", Keys.ENTER)
    assert browser.find_element(By.CSS_SELECTOR, "#q1 .verdict").text == "Right."
    assert browser.find_element(By.ID, "score").text == "1 right of 2 answered (4 questions)"
    browser.save_screenshot(str(tmp_path / "quiz.png"))

    # All on one page: the other two questions, then the score at the end.
    browser.find_element(By.ID, "mode").send_keys(Keys.ENTER)
    browser.find_element(By.CSS_SELECTOR, "#q2 input").send_keys("N.A.T.O.", Keys.ENTER)
    browser.find_element(By.CSS_SELECTOR, "#q3 button.choice").send_keys(Keys.ENTER)  # True
    assert browser.find_element(By.ID, "final").text == "You got 3 of 4 right (75%)."


@pytest.mark.parametrize(
    "text",
    [
        "The N.A.T.O.",
        "  Łukasz   Ólafur-Ragnarsson ",
        "Saint-Saëns",
        "an Ελληνικά ΦΩΣ",
        "John F. Kennedy",
        "1947-06-05",
        "straße_ÆON",
    ],
)
def test_the_page_folds_text_as_the_checker_does(browser, tmp_path: Path, text: str) -> None:
    page = tmp_path / "quiz.html"
    render("html", [Deck(title="t")], page)
    browser.get(page.as_uri())
    assert browser.execute_script("return window.quizgenNormalize(arguments[0])", text) == (
        normalize(text)
    )
