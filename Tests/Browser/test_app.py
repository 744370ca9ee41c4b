"""The web app in a real headless Chromium: a lesson and its quiz, whole tests taken with
the keyboard alone, a reload mid-attempt, and screenshots of every page kind at a desktop
and a phone size (saved for people to look at, not compared)."""
import json
import unittest

from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import WebDriverWait

from browser import GroundworkServer, Page, chromium, screenshot, severe_logs

SIZES = {"desktop": (1280, 800, False), "phone": (390, 844, True)}


class WebAppTests(unittest.TestCase):
    def setUp(self):
        self.server = GroundworkServer()
        self.driver = chromium()

    def tearDown(self):
        errors = severe_logs(self.driver)
        self.driver.quit()
        self.server.stop()
        self.assertEqual(errors, [], "the pages logged errors (a CSP violation or a script error)")

    def open(self, path):
        self.driver.get(self.server.url + path)

    def text(self):
        return self.driver.find_element(By.TAG_NAME, "main").text

    def press(self, *keys):
        self.driver.switch_to.active_element.send_keys(*keys)

    def wait_for_new_page(self, old):
        """Waits until `old` (an element of the page before) is gone: the next page loaded.
        During a navigation chromedriver may report the node as detached rather than stale;
        both mean the old page is gone."""
        def gone(_):
            try:
                old.is_enabled()
                return False
            except WebDriverException:
                return True
        WebDriverWait(self.driver, 30).until(gone)

    def test_a_lesson_quiz_is_answered_and_explained(self):
        self.open("/lessons/bounding-boxes")
        quiz = self.driver.find_element(By.CSS_SELECTOR, "section.quiz")
        self.assertNotIn("Correct", quiz.text)
        choice = quiz.find_element(By.CSS_SELECTOR, "input[name=choice]")
        choice.send_keys(Keys.SPACE)
        choice.send_keys(Keys.ENTER)
        self.wait_for_new_page(choice)
        feedback = self.driver.find_element(By.CSS_SELECTOR, "#quiz-0 .quiz-feedback")
        self.assertRegex(feedback.text, "Right|Not quite")
        self.assertIn("(your choice)", feedback.text)
        self.open("/course")
        self.assertIn("quizzes", self.text())

    def answer_with_keys(self):
        """Answers the item on screen with the keyboard only: a number key picks a choice,
        typing fills a text box, Enter (or Tab to the button, then Enter) saves."""
        form = self.driver.find_element(By.ID, "item-form")
        self.fill(form)
        self.wait_for_new_page(form)

    def fill(self, form):
        if form.find_elements(By.CSS_SELECTOR, "input[type=radio][name=choice], input[type=radio][name=rating]"):
            self.driver.find_element(By.TAG_NAME, "body").send_keys("2")
            self.press(Keys.ENTER)
        elif form.find_elements(By.CSS_SELECTOR, "input[type=checkbox][name=choice]"):
            self.driver.find_element(By.TAG_NAME, "body").send_keys("1")
            self.press(Keys.ENTER)
        elif form.find_elements(By.CSS_SELECTOR, "textarea[name=text]"):
            box = form.find_element(By.CSS_SELECTOR, "textarea[name=text]")
            box.send_keys("I think the team reviewed the images")
            box.send_keys(Keys.TAB)  # from the transcript to "Save and continue"
            self.press(Keys.ENTER)
        elif form.find_elements(By.CSS_SELECTOR, "input[name=number]"):
            field = form.find_element(By.CSS_SELECTOR, "input[name=number]")
            field.send_keys("42", Keys.ENTER)
        elif form.find_elements(By.CSS_SELECTOR, "input[name=text]"):
            field = form.find_element(By.CSS_SELECTOR, "input[name=text]")
            field.send_keys("car", Keys.ENTER)
        else:
            form.find_element(By.CSS_SELECTOR, "button[name=skip]").send_keys(Keys.ENTER)

    def take_with_keys(self, test, reload_after=None):
        self.open("/tests/" + test)
        start = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/start'] button")
        start.send_keys(Keys.ENTER)
        self.wait_for_new_page(start)
        answered = 0
        while self.driver.find_elements(By.ID, "item-form"):
            position = self.driver.find_element(By.CSS_SELECTOR, ".position").text
            self.answer_with_keys()
            answered += 1
            if reload_after and answered == reload_after:
                self.driver.refresh()
                self.assertIn("Item %d of" % (answered + 1), self.driver.find_element(By.CSS_SELECTOR, ".position").text,
                              "a reload must come back at the next item, after " + position)
        submit = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button")
        submit.send_keys(Keys.ENTER)
        WebDriverWait(self.driver, 30).until(expected_conditions.url_contains("/report"))
        return answered

    def test_sentiment_quiz_is_taken_with_the_keyboard_and_survives_a_reload(self):
        answered = self.take_with_keys("sentiment-quiz", reload_after=3)
        self.assertEqual(answered, 16)
        report = self.text()
        self.assertRegex(report, r"\d+\.\d% — (passed|not passed)")
        self.assertIn("Item 16", report)
        self.assertIn("Your answer:", report)
        self.assertIn("Why:", report)

    def test_a_gold_is_contested_from_the_report_with_the_keyboard(self):
        self.take_with_keys("sentiment-quiz")
        summary = self.driver.find_element(By.CSS_SELECTOR, "details.contest summary")
        summary.send_keys(Keys.ENTER)
        field = self.driver.find_element(By.CSS_SELECTOR, "details.contest textarea")
        label = self.driver.find_element(By.CSS_SELECTOR, "label[for='%s']" % field.get_attribute("id"))
        self.assertIn("A mentor reads it", label.text)
        field.send_keys("The text praises one thing and criticises another.")
        old = self.driver.find_element(By.TAG_NAME, "main")
        self.driver.find_element(By.CSS_SELECTOR, "details.contest button[type='submit']").send_keys(Keys.ENTER)
        self.wait_for_new_page(old)
        self.assertIn("You contested this gold (#1): waiting for a mentor.", self.text())

    def test_a_nonlinear_test_goes_back_flags_and_reviews_with_the_keyboard(self):
        """The Mechanical Turk qualification lets a learner go back: flag an item, return to
        the one before, change its answer, and see both on the review list before submitting."""
        for name, (width, height, mobile) in SIZES.items():
            self.driver.quit()
            self.server.stop()
            self.server = GroundworkServer()
            self.driver = chromium(width, height, mobile)
            self.open("/tests/mturk-categorisation")
            start = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/start'] button")
            start.send_keys(Keys.ENTER)
            self.wait_for_new_page(start)
            self.answer_with_keys()
            self.assertIn("Item 2 of 12", self.driver.find_element(By.CSS_SELECTOR, ".position").text)
            flag = self.driver.find_element(By.CSS_SELECTOR, ".item-nav button")
            self.assertEqual(flag.get_attribute("aria-pressed"), "false")
            flag.send_keys(Keys.ENTER)
            self.wait_for_new_page(flag)
            flag = self.driver.find_element(By.CSS_SELECTOR, ".item-nav button")
            self.assertEqual(flag.get_attribute("aria-pressed"), "true")
            screenshot(self.driver, "item-flagged-%s" % name)
            previous = self.driver.find_element(By.LINK_TEXT, "Previous item")
            previous.send_keys(Keys.ENTER)
            self.wait_for_new_page(previous)
            self.assertIn("Item 1 of 12", self.driver.find_element(By.CSS_SELECTOR, ".position").text)
            self.assertIn("Your answer now:", self.text())
            self.answer_with_keys()
            self.assertIn("Item 2 of 12", self.driver.find_element(By.CSS_SELECTOR, ".position").text,
                          "after a changed answer the next item without an answer comes")
            while self.driver.find_elements(By.ID, "item-form"):
                self.answer_with_keys()
            review = self.text()
            self.assertIn("Review before you submit", review)
            self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, ".review-list li")), 12)
            self.assertIn("⚑ flagged", review)
            screenshot(self.driver, "review-%s" % name)
            submit = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button")
            submit.send_keys(Keys.ENTER)
            WebDriverWait(self.driver, 30).until(expected_conditions.url_contains("/report"))
            self.assertIn("Attempt 1 (#1)", self.text())

    def test_dictation_is_taken_with_the_keyboard(self):
        self.take_with_keys("dictation")
        report = self.text()
        self.assertIn("Item 13", report)
        self.assertIn("Lesson section that teaches this", report)
        self.open("/history")
        self.assertIn("Dictation", self.text())
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "svg.chart circle"))

    def draw_street_boxes(self, touch):
        """Takes street-boxes with the drawing widget: on every boxes item, one box around
        the middle of the image (mouse drag, or a finger on a phone); other items skipped."""
        page = Page(self.driver)
        self.open("/tests/street-boxes")
        start = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/start'] button")
        start.click()
        self.wait_for_new_page(start)
        drawn = 0
        while self.driver.find_elements(By.ID, "item-form"):
            form = self.driver.find_element(By.ID, "item-form")
            if form.find_elements(By.CSS_SELECTOR, ".gw-widget[data-kind=boxes]"):
                page.wait_for("document.querySelector('.gw-widget').gwWidget")
                task = json.loads(form.find_element(By.CSS_SELECTOR, ".gw-widget").get_attribute("data-task"))
                corners = [page.client(task["width"] * 0.3, task["height"] * 0.3), page.client(task["width"] * 0.6, task["height"] * 0.7)]
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", form.find_element(By.CSS_SELECTOR, ".gw-widget svg"))
                corners = [page.client(task["width"] * 0.3, task["height"] * 0.3), page.client(task["width"] * 0.6, task["height"] * 0.7)]
                (page.touch_drag if touch else page.drag)(corners)
                saved = page.answer()
                self.assertEqual(len(saved), 1, "one box drawn is one box saved")
                self.assertAlmostEqual(saved[0]["x"], task["width"] * 0.3, delta=1)
                self.assertAlmostEqual(saved[0]["width"], task["width"] * 0.3, delta=1)
                drawn += 1
                button = form.find_element(By.CSS_SELECTOR, "button[name=answer]")
            else:
                button = form.find_element(By.CSS_SELECTOR, "button[name=skip]")
            button.click()
            self.wait_for_new_page(button)
        submit = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button")
        submit.click()
        WebDriverWait(self.driver, 30).until(expected_conditions.url_contains("/report"))
        return drawn

    def assert_overlays(self):
        overlays = self.driver.find_elements(By.CSS_SELECTOR, ".gw-overlay[data-kind=boxes]")
        self.assertGreaterEqual(len(overlays), 4, "every boxes item shows its overlay")
        lists = self.driver.find_elements(By.CSS_SELECTOR, ".gw-overlay-list")
        text = " ".join(item.text for item in lists)
        self.assertIn("IoU", text)
        self.assertRegex(text, r"edges left [-+]?\d")
        self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, ".gw-overlay svg"), "the overlay script drew the picture")

    def test_street_boxes_drawn_with_the_mouse_show_over_the_gold(self):
        self.assertEqual(self.draw_street_boxes(touch=False), 4)
        self.assert_overlays()
        screenshot(self.driver, "report-street-boxes-desktop")

    def test_street_boxes_drawn_by_touch_on_a_phone(self):
        self.driver.quit()
        self.driver = chromium(390, 844, mobile=True)
        self.assertEqual(self.draw_street_boxes(touch=True), 4)
        self.assert_overlays()
        screenshot(self.driver, "report-street-boxes-phone")

    def test_a_drawn_answer_is_shown_over_the_gold_right_after_it_in_quiz_mode(self):
        """shapes-and-poses explains each answer at once: a polygon drawn by clicks comes back
        as a picture over the gold, with its list, before the next item."""
        page = Page(self.driver)
        self.open("/tests/shapes-and-poses")
        start = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/start'] button")
        start.click()
        self.wait_for_new_page(start)
        for _ in range(12):
            if self.driver.find_elements(By.CSS_SELECTOR, "#item-form .gw-widget[data-kind=polygons]"):
                break
            skip = self.driver.find_element(By.CSS_SELECTOR, "button[name=skip]")
            skip.click()
            self.wait_for_new_page(skip)
        page.wait_for("document.querySelector('.gw-widget').gwWidget")
        widget = self.driver.find_element(By.CSS_SELECTOR, ".gw-widget")
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", widget)
        task = json.loads(widget.get_attribute("data-task"))
        for fx, fy in [(0.3, 0.3), (0.6, 0.3), (0.5, 0.7)]:
            page.click(*page.client(task["width"] * fx, task["height"] * fy))
        self.driver.switch_to.active_element.send_keys(Keys.ENTER)
        self.assertEqual(len(page.answer()), 1, "three clicks and Enter make one polygon")
        save = self.driver.find_element(By.CSS_SELECTOR, "button[name=answer]")
        save.click()
        self.wait_for_new_page(save)
        WebDriverWait(self.driver, 30).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, ".feedback .gw-overlay svg"))
        listed = self.driver.find_element(By.CSS_SELECTOR, ".feedback .gw-overlay-list").text
        self.assertRegex(listed, r"[Pp]olygon 1 ", "the list beside the picture speaks of the polygon drawn")
        screenshot(self.driver, "feedback-polygon-desktop")

    def test_fresh_items_are_practised_with_the_keyboard_and_explained_over_their_gold(self):
        """"Practise with fresh items" on street-boxes, pressed with the keyboard, asks a
        generated street scene (its picture served from the attempt, with no error logged); a
        box drawn and saved comes back at once over the scene's gold."""
        page = Page(self.driver)
        self.open("/tests/street-boxes")
        fresh = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/practice-fresh'] button")
        self.assertEqual(fresh.text, "Practise with fresh items")
        self.driver.execute_script("arguments[0].focus()", fresh)
        self.press(Keys.ENTER)
        self.wait_for_new_page(fresh)
        self.assertIn("fresh items", self.driver.title)
        self.assertIn("Item 1 of 10", self.text())
        page.wait_for("document.querySelector('.gw-widget').gwWidget")
        widget = self.driver.find_element(By.CSS_SELECTOR, ".gw-widget[data-kind=boxes]")
        image = self.driver.execute_script(
            "const i = document.querySelector('.gw-widget image, .gw-widget img');"
            "return i && (i.getAttribute('href') || i.getAttribute('src'))")
        self.assertRegex(image or "", r"^/attempts/\d+/files/f[0-9a-f]{8}\.street-scenes\.svg$")
        task = json.loads(widget.get_attribute("data-task"))
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", widget)
        page.drag([page.client(task["width"] * 0.3, task["height"] * 0.5), page.client(task["width"] * 0.5, task["height"] * 0.8)])
        self.assertEqual(len(page.answer()), 1)
        save = self.driver.find_element(By.CSS_SELECTOR, "button[name=answer]")
        save.click()
        self.wait_for_new_page(save)
        WebDriverWait(self.driver, 30).until(lambda driver: driver.find_elements(By.CSS_SELECTOR, ".feedback .gw-overlay svg"))
        self.assertIn("The scene has", self.text(), "the reason of a generated scene is shown after the answer")
        screenshot(self.driver, "fresh-items-desktop")

    def test_shapes_and_poses_is_taken_in_the_browser_end_to_end(self):
        """Every item of shapes-and-poses answered in the page: polygons by clicks and Enter,
        keypoints placed in order by clicks, choices by number keys; the report then draws
        each drawn answer over the gold."""
        page = Page(self.driver)
        self.open("/tests/shapes-and-poses")
        start = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/start'] button")
        start.click()
        self.wait_for_new_page(start)
        kinds = []
        while self.driver.find_elements(By.ID, "item-form"):
            form = self.driver.find_element(By.ID, "item-form")
            widgets = form.find_elements(By.CSS_SELECTOR, ".gw-widget")
            if widgets:
                kind = widgets[0].get_attribute("data-kind")
                page.wait_for("document.querySelector('.gw-widget').gwWidget")
                self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", widgets[0])
                task = json.loads(widgets[0].get_attribute("data-task"))
                w, h = task["width"], task["height"]
                if kind == "polygons":
                    for fx, fy in [(0.4, 0.3), (0.6, 0.3), (0.6, 0.6), (0.4, 0.6)]:
                        page.click(*page.client(w * fx, h * fy))
                    self.driver.switch_to.active_element.send_keys(Keys.ENTER)
                else:
                    names = task["keypoints"]
                    for number in range(len(names)):
                        page.click(*page.client(w * (0.3 + 0.4 * number / max(1, len(names) - 1)), h * 0.5))
                    saved = page.answer()
                    self.assertEqual(sorted(saved[0]["points"]), sorted(names), "every named point is placed, in order")
                self.assertTrue(page.answer(), "the %s widget saved an answer" % kind)
                kinds.append(kind)
                button = form.find_element(By.CSS_SELECTOR, "button[name=answer]")
                button.click()
                self.wait_for_new_page(button)
            else:
                self.answer_with_keys()
        self.assertEqual(sorted(set(kinds)), ["keypoints", "polygons"])
        submit = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button")
        submit.click()
        WebDriverWait(self.driver, 30).until(expected_conditions.url_contains("/report"))
        drawn = [overlay for overlay in self.driver.find_elements(By.CSS_SELECTOR, ".gw-overlay") if overlay.find_elements(By.TAG_NAME, "svg")]
        self.assertEqual(len(drawn), len(kinds), "every drawn answer is drawn over the gold in the report")
        screenshot(self.driver, "report-shapes-and-poses-desktop")

    def test_screenshots_of_every_page_kind(self):
        """Home, a lesson, an item of each typed kind, a report and history, at both sizes."""
        pages = [("home", "/"), ("course", "/course"), ("lesson", "/lessons/bounding-boxes"), ("tests", "/tests")]
        kinds = [("single-choice", "sentiment-quiz", "input[type=radio][name=choice]"),
                 ("multiple-choice", "content-moderation", "input[type=checkbox][name=choice]"),
                 ("rating", "search-evaluation", "input[name=rating]"),
                 ("ranking", "search-evaluation", ".rank-list"),
                 ("transcription", "dictation", "audio"),
                 ("numeric", "dictation", "input[name=number]"),
                 ("boxes", "street-boxes", ".gw-widget[data-kind=boxes]"),
                 ("short-text", "street-boxes", "input[name=text]"),
                 ("pairwise", "llm-evaluation", ".pairwise"),
                 ("spans", "named-entities", ".gw-widget[data-kind=spans]"),
                 ("time-segments", "sound-events", ".gw-widget[data-kind=time-segments]")]
        for name, (width, height, mobile) in SIZES.items():
            # A fresh gradebook for each size, so each pass starts every test from item 1.
            self.driver.quit()
            self.server.stop()
            self.server = GroundworkServer()
            self.driver = chromium(width, height, mobile)
            for page, path in pages:
                self.open(path)
                screenshot(self.driver, "%s-%s" % (page, name))
            for kind, test, selector in kinds:
                self.open("/tests/" + test)
                buttons = self.driver.find_elements(By.CSS_SELECTOR, "form[action$='/start'] button, a.button[href^='/attempts/']")
                if buttons:
                    buttons[0].click()
                    self.wait_for_new_page(buttons[0])
                for _ in range(30):
                    if self.driver.find_elements(By.CSS_SELECTOR, "#item-form " + selector) or not self.driver.find_elements(By.ID, "item-form"):
                        break
                    skip = self.driver.find_element(By.CSS_SELECTOR, "button[name=skip]")
                    skip.click()
                    self.wait_for_new_page(skip)
                self.assertTrue(self.driver.find_elements(By.CSS_SELECTOR, "#item-form " + selector),
                                "no %s item reached in %s: %s" % (kind, test, self.text()[:300]))
                screenshot(self.driver, "item-%s-%s" % (kind, name))
            self.take_with_keys("mturk-categorisation")
            screenshot(self.driver, "report-%s" % name)
            self.open("/history")
            screenshot(self.driver, "history-%s" % name)


if __name__ == "__main__":
    unittest.main()
