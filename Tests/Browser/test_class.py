"""A class server (`serve --accounts`) in real headless Chromium windows, as new users meet
it: an admin makes a cohort and gives it a mentor; the mentor makes an invitation; three
learners, each in a browser of their own, join with it, take a test, and one contests a
gold answer; the mentor reads the dashboard and the item analysis, and rejects the contest
with a reply the learner then reads; and a forgotten password is reset with an admin's one-time
link. Screenshots at 1280 and 360 px go to screenshots/."""
import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from browser import GroundworkServer, chromium, screenshot, severe_logs
import test_app

PASSWORD = "correct horse battery"


class Browser:
    """One person's browser window, with the keyboard-only test taking of the app's tests."""
    app = test_app.WebAppTests
    open, text, press, wait_for_new_page = app.open, app.text, app.press, app.wait_for_new_page
    fill, answer_with_keys, take_with_keys = app.fill, app.answer_with_keys, app.take_with_keys

    def __init__(self, server, width=1280, height=800, mobile=False):
        self.server = server
        self.driver = chromium(width, height, mobile)

    def submit(self, form_selector, fields):
        """Types `fields` (name -> text) into the form and sends it with Enter on its button."""
        form = self.driver.find_element(By.CSS_SELECTOR, form_selector)
        for name, value in fields.items():
            field = form.find_element(By.NAME, name)
            field.clear()
            field.send_keys(value)
        button = form.find_element(By.CSS_SELECTOR, "button[type=submit]")
        button.send_keys(Keys.ENTER)
        self.wait_for_new_page(button)

    def sign_in(self, username):
        self.open("/login")
        self.submit("form[action='/login']", {"username": username, "password": PASSWORD})

    def sign_out(self):
        self.driver.find_element(By.CSS_SELECTOR, "form.signout button").click()


class ClassServerTests(unittest.TestCase):
    def setUp(self):
        self.server = GroundworkServer(accounts=[("root", "admin", PASSWORD), ("mia", "mentor", PASSWORD)])
        self.browsers = []

    def tearDown(self):
        errors = [e for b in self.browsers for e in severe_logs(b.driver)]
        for browser in self.browsers:
            browser.driver.quit()
        self.server.stop()
        self.assertEqual(errors, [], "the pages logged errors (a CSP violation or a script error)")

    def browser(self, *size):
        browser = Browser(self.server, *size)
        self.browsers.append(browser)
        return browser

    def test_a_mentor_and_three_learners_through_invitation_test_contest_and_dashboard(self):
        staff = self.browser()
        staff.open("/")
        self.assertIn("/login", staff.driver.current_url, "a signed-out visitor is sent to the login page")
        screenshot(staff.driver, "class-login-desktop")
        staff.sign_in("root")
        staff.open("/admin")
        staff.submit("form[action='/admin/cohorts']", {"name": "Autumn intake"})
        self.assertIn("Autumn intake", staff.text())
        staff.open("/admin")
        staff.submit("form[action$='/members']", {"username": "mia"})
        self.assertIn("Mentors: mia", staff.text())
        staff.open("/admin")
        self.assertIn("cohort.member", staff.text(), "the audit log shows the mentor added")
        screenshot(staff.driver, "class-admin-desktop")
        staff.sign_out()
        staff.sign_in("mia")
        staff.open("/mentor")
        staff.driver.find_element(By.LINK_TEXT, "Autumn intake").click()
        staff.submit("form[action$='/invitations']", {"uses": "3"})
        code = staff.driver.find_element(By.CSS_SELECTOR, "a.code").text
        self.assertRegex(code, r"^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$")

        learners = {}
        for name in ("ana", "bo", "cy"):
            learner = self.browser()
            learner.open("/join")
            learner.submit("form[action='/join']", {"code": code.lower()})
            self.assertIn("Join Autumn intake", learner.text())
            if name == "ana":
                screenshot(learner.driver, "class-join-desktop")
            learner.submit("form[action^='/join/']", {"username": name, "password": PASSWORD, "confirm": PASSWORD})
            self.assertIn("Sign out " + name, learner.driver.find_element(By.TAG_NAME, "header").text)
            self.assertEqual(learner.take_with_keys("sentiment-quiz"), 16)
            learners[name] = learner

        ana = learners["ana"]
        ana.driver.find_element(By.CSS_SELECTOR, "details.contest summary").send_keys(Keys.ENTER)
        ana.driver.find_element(By.CSS_SELECTOR, "details.contest textarea").send_keys("The review praises and criticises.")
        old = ana.driver.find_element(By.TAG_NAME, "main")
        ana.driver.find_element(By.CSS_SELECTOR, "details.contest button[type='submit']").send_keys(Keys.ENTER)
        ana.wait_for_new_page(old)
        self.assertIn("waiting for a mentor", ana.text())
        # A learner cannot open the mentor's pages, nor another learner's attempt.
        ana.open("/mentor")
        self.assertIn("for mentors only", ana.text())
        refused = severe_logs(ana.driver)  # reading the log empties it: the expected 403 is not an error
        self.assertEqual([("/mentor" in e["message"] and "403" in e["message"]) for e in refused], [True])

        staff.open("/mentor")
        staff.driver.find_element(By.LINK_TEXT, "Autumn intake").click()
        progress = staff.text()
        for name in ("ana", "bo", "cy"):
            self.assertRegex(progress, name + r" 1 0 0")
        screenshot(staff.driver, "class-cohort-desktop")
        staff.driver.find_element(By.LINK_TEXT, "Sentiment quiz").click()
        self.assertIn("Item analysis", staff.text())
        self.assertIn("3 learners", staff.text())
        screenshot(staff.driver, "class-item-analysis-desktop")
        staff.open("/mentor/contests")
        self.assertIn("ana", staff.text())
        screenshot(staff.driver, "class-contests-desktop")
        staff.submit("form[action$='/reject']", {"reply": "Mixed reviews lean on the overall verdict; the gold stands."})
        self.assertIn("rejected", staff.text())

        ana.open("/")
        self.assertIn("the gold stands", ana.text())

        # The same pages on a phone-sized window.
        phone = self.browser(360, 740, True)
        phone.open("/login")
        screenshot(phone.driver, "class-login-phone")
        phone.sign_in("mia")
        for name, path in (("mentor", "/mentor"), ("contests", "/mentor/contests")):
            phone.open(path)
            screenshot(phone.driver, "class-%s-phone" % name)
            width = phone.driver.execute_script("return document.documentElement.scrollWidth")
            self.assertLessEqual(width, 360, "%s scrolls sideways on a phone" % path)
        phone.driver.find_element(By.LINK_TEXT, "Mentor").click()
        phone.driver.find_element(By.LINK_TEXT, "Autumn intake").click()
        screenshot(phone.driver, "class-cohort-phone")

    def test_a_forgotten_password_is_reset_with_an_admins_one_time_link(self):
        staff = self.browser()
        staff.sign_in("root")
        staff.open("/admin")
        button = staff.driver.find_element(By.XPATH, "//tr[th='mia']//form[contains(@action, '/reset-link')]//button")
        button.send_keys(Keys.ENTER)
        staff.wait_for_new_page(button)
        notice = staff.driver.find_element(By.CSS_SELECTOR, "section.notice")
        self.assertIn("Reset link for mia", notice.text)
        link = notice.find_element(By.CSS_SELECTOR, "a.code").text
        self.assertRegex(link, r"^/reset/[0-9a-f]{64}$")
        screenshot(staff.driver, "class-reset-link-desktop")
        staff.open("/admin")
        self.assertNotIn(link, staff.text(), "the link is shown once")
        self.assertIn("password.reset-link", staff.text())

        phone = self.browser(360, 740, True)
        phone.open(link)
        self.assertIn("Choose a new password", phone.text())
        screenshot(phone.driver, "class-reset-phone")
        width = phone.driver.execute_script("return document.documentElement.scrollWidth")
        self.assertLessEqual(width, 360, "the reset page scrolls sideways on a phone")
        new = "a fresh passphrase for mia"
        phone.submit("form[action^='/reset/']", {"password": new, "confirm": new})
        self.assertIn("Sign out mia", phone.driver.find_element(By.TAG_NAME, "header").text)
        phone.open(link)
        self.assertIn("unknown, used or expired", phone.text())
        severe_logs(phone.driver)  # the used link's expected 404 is not an error

        # The old password no longer works; the new one does.
        other = self.browser()
        other.sign_in("mia")
        self.assertIn("wrong", other.text())
        severe_logs(other.driver)  # nor is the refused login's 401
        other.open("/login")
        other.submit("form[action='/login']", {"username": "mia", "password": new})
        self.assertIn("Sign out mia", other.driver.find_element(By.TAG_NAME, "header").text)


if __name__ == "__main__":
    unittest.main()
