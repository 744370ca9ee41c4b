"""Written answers (rubric items) in a real headless Chromium: the answer is typed in a text
box, the model answer stays out of every page until the report, and the report's form grades
the answer against each criterion without any script."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from browser import GroundworkServer, chromium, severe_logs
import test_app

MODEL = "Six times $0.10 is $0.60 an hour"


class RubricTests(unittest.TestCase):
    open = test_app.WebAppTests.open
    text = test_app.WebAppTests.text
    wait_for_new_page = test_app.WebAppTests.wait_for_new_page
    refused = False  # a refused form is a 422, which the browser logs as a failed load

    def setUp(self):
        self.server = GroundworkServer()
        self.driver = chromium()

    def tearDown(self):
        errors = [e for e in severe_logs(self.driver) if not (self.refused and "/grade - " in e["message"] and " 422 " in e["message"])]
        self.driver.quit()
        self.server.stop()
        self.assertEqual(errors, [], "the pages logged errors (a CSP violation or a script error)")

    def take_writing_only(self):
        """Takes the DataAnnotation-style test, writing the two written answers and skipping
        the rest, and checks that no page before the report shows the model answer."""
        self.open("/tests/dataannotation-starter")
        start = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/start'] button")
        start.send_keys(Keys.ENTER)
        self.wait_for_new_page(start)
        while self.driver.find_elements(By.ID, "item-form"):
            self.assertNotIn(MODEL, self.driver.page_source)
            form = self.driver.find_element(By.ID, "item-form")
            boxes = form.find_elements(By.CSS_SELECTOR, "textarea[name=text]")
            if boxes:
                self.assertIn("Limits:", form.text)
                boxes[0].send_keys("Six tasks of ten minutes fit in an hour, so six times $0.10 is $0.60 per hour.",
                                   Keys.ENTER, "That is far too low to be worth it; time your tasks and keep a minimum rate.")
                form.find_element(By.CSS_SELECTOR, "button[name=answer]").click()
            else:
                form.find_element(By.CSS_SELECTOR, "button[name=skip]").send_keys(Keys.ENTER)
            self.wait_for_new_page(form)
        submit = self.driver.find_element(By.CSS_SELECTOR, "form[action$='/submit'] button")
        submit.send_keys(Keys.ENTER)
        WebDriverWait(self.driver, 30).until(expected_conditions.url_contains("/report"))

    def grade_form(self, item):
        return self.driver.find_element(By.CSS_SELECTOR, "form[action$='/grade']:has(input[name=item][value='%s'])" % item)

    def test_a_written_answer_is_graded_on_the_report_and_the_score_follows(self):
        self.take_writing_only()
        report = self.text()
        self.assertIn("The rubric part is not graded yet", report)
        self.assertIn(MODEL, report)  # revealed now, beside the form
        before = self.driver.find_element(By.CSS_SELECTOR, "#score").text
        form = self.grade_form("helpful-answer")
        for select in form.find_elements(By.CSS_SELECTOR, "select"):
            options = select.find_elements(By.TAG_NAME, "option")
            Select(select).select_by_value(options[-1].get_attribute("value"))  # full points
        for box in form.find_elements(By.CSS_SELECTOR, "textarea"):
            box.send_keys("It gives the figure and the method.")
        button = form.find_element(By.CSS_SELECTOR, "button")
        button.send_keys(Keys.ENTER)
        self.wait_for_new_page(button)
        report = self.text()
        self.assertIn("graded by you: It gives the figure and the method.", report)
        self.assertNotEqual(before, self.driver.find_element(By.CSS_SELECTOR, "#score").text)
        self.assertIn("Your grade against the rubric", report)

    def test_a_grade_without_a_reason_is_refused_beside_its_form(self):
        self.take_writing_only()
        form = self.grade_form("critique")
        for select in form.find_elements(By.CSS_SELECTOR, "select"):
            Select(select).select_by_value("1")
        # The browser would stop an empty required box; a learner's spaces get past it.
        for box in form.find_elements(By.CSS_SELECTOR, "textarea"):
            box.send_keys("   ")
        button = form.find_element(By.CSS_SELECTOR, "button")
        self.refused = True
        button.click()
        self.wait_for_new_page(button)
        alert = self.driver.find_element(By.CSS_SELECTOR, "[role=alert]")
        self.assertIn("Say why", alert.text)
        self.assertIn("The rubric part is not graded yet", self.text())


if __name__ == "__main__":
    unittest.main()
