"""Shared pieces of the browser tests: Debian's headless Chromium driven through Debian's
chromedriver (nothing is downloaded), the groundwork server started on a free port with a
data folder of its own, and screenshots into a git-ignored folder."""
import os
import re
import subprocess
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SCREENSHOTS = os.path.join(ROOT, "Tests", "Browser", "screenshots")
BINARY = os.environ.get("GROUNDWORK_BIN", os.path.join(ROOT, ".build", "debug", "groundwork"))


class Server:
    """`groundwork serve --port 0` on the shipped course, with a fresh gradebook."""

    def __init__(self):
        self.data = tempfile.mkdtemp(prefix="groundwork-browser-")
        self.process = subprocess.Popen(
            [BINARY, "serve", "--port", "0", "--data-dir", self.data],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r"Listening on (http://\S+)", line)
        if not match:
            self.process.kill()
            raise RuntimeError("the server did not start: " + line + self.process.stderr.read())
        self.url = match.group(1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


def chromium(width=1280, height=800, mobile=False):
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for argument in ["--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--hide-scrollbars",
                     "--font-render-hinting=none", "--disable-lcd-text", "--force-color-profile=srgb",
                     "--autoplay-policy=no-user-gesture-required"]:
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    # The viewport itself, not the window with its (absent) chrome.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
    if mobile:
        driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    return driver


def screenshot(driver, name):
    """Saves the whole page (not only the viewport) as Tests/Browser/screenshots/NAME.png."""
    os.makedirs(SCREENSHOTS, exist_ok=True)
    metrics = driver.execute_cdp_cmd("Page.getLayoutMetrics", {})
    size = metrics["cssContentSize"]
    import base64
    shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
        "format": "png", "captureBeyondViewport": True,
        "clip": {"x": 0, "y": 0, "width": size["width"], "height": min(size["height"], 4000), "scale": 1}})
    with open(os.path.join(SCREENSHOTS, name + ".png"), "wb") as file:
        file.write(base64.b64decode(shot["data"]))


def console_errors(driver):
    """Errors the page logged (CSP violations, script errors), favicon misses aside."""
    return [entry for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]
