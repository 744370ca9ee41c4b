"""The readiness and pay pages in a real headless Chromium, on a 360 px phone: keyboard
only, no sideways scrolling, and forms that work without script."""

import unittest

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from browser import GroundworkServer, chromium, screenshot, severe_logs


class ReadinessPageTests(unittest.TestCase):
    def setUp(self):
        self.server = GroundworkServer()
        self.driver = chromium(360, 740, mobile=True)

    def tearDown(self):
        self.driver.quit()
        self.server.stop()

    def open(self, path):
        self.driver.get(self.server.url + path)

    def assert_fits(self):
        overflow = self.driver.execute_script(
            'return document.documentElement.scrollWidth - document.documentElement.clientWidth')
        self.assertLessEqual(overflow, 0, 'the page scrolls sideways at 360 px')
        self.assertEqual(severe_logs(self.driver), [])

    def test_a_checklist_entry_is_ticked_with_the_keyboard_on_a_phone(self):
        self.open('/readiness')
        self.assertIn('Am I ready?', self.driver.title)
        self.assertEqual(len(self.driver.find_elements(By.CSS_SELECTOR, 'article.readiness')), 10)
        self.assert_fits()
        button = self.driver.find_element(By.CSS_SELECTOR, '#checklist form button')
        self.driver.execute_script('arguments[0].focus()', button)
        button.send_keys(Keys.ENTER)
        # The form posts and redirects: wait for the new page, not the one being left.
        WebDriverWait(self.driver, 30).until(
            lambda driver: '1 of 8 done' in driver.find_element(By.ID, 'checklist-heading').text)
        heading = self.driver.find_element(By.ID, 'checklist-heading')
        self.assertIn('1 of 8 done', heading.text)
        self.assertIn('Undo', self.driver.find_element(By.CSS_SELECTOR, '#checklist form button').text)
        screenshot(self.driver, 'readiness-phone')

    def test_the_pay_calculator_answers_a_typed_price(self):
        self.open('/pay')
        field = self.driver.find_element(By.ID, 'per-task')
        field.send_keys('0.10')
        self.driver.find_element(By.ID, 'seconds').send_keys('600' + Keys.ENTER)
        sentence = 'At a pace of 10 minutes a task, $0.10 a task pays $0.60 an hour.'
        # The form is a GET: wait for the page it loads.
        WebDriverWait(self.driver, 30).until(
            lambda driver: sentence in driver.find_element(By.ID, 'rate-heading').text)
        self.assertIn(sentence, self.driver.find_element(By.ID, 'rate-heading').text)
        self.assert_fits()
        screenshot(self.driver, 'pay-phone')


if __name__ == '__main__':
    unittest.main()
