"""Tiny shared helper for Groundwork's browser tests.

- `StaticServer`: serves the repository on 127.0.0.1 (port 0) with the production
  Content-Security-Policy, byte ranges (so <audio> can seek) and the two URL prefixes the real
  server uses: /assets/widgets/… -> Sources/GroundworkWeb/Public/widgets/…, and
  /media/<assessment>/<file> -> Assessments/<assessment>/media/<file>.
- `chromium(width, height, mobile=False)`: headless Debian Chromium through Debian's chromedriver
  (nothing is downloaded). Run with /usr/bin/python3, whose selenium is Debian's.
- `screenshot(driver, name)`: PNG into Tests/Browser/screenshots/ (git-ignored).
- `GroundworkServer`: the real `groundwork serve --port 0` on the shipped course, with a fresh
  gradebook, for the whole-app tests.
"""
import http.server
import json
import os
import re
import subprocess
import tempfile
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, '..', '..'))
SHOTS = os.path.join(HERE, 'screenshots')
CSP = "script-src 'self'; style-src 'self'"
TYPES = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.svg': 'image/svg+xml', '.wav': 'audio/wav', '.json': 'application/json', '.png': 'image/png',
}


class _Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def _path(self):
        path = urllib.parse.unquote(urllib.parse.urlsplit(self.path).path)
        m = re.match(r'^/assets/widgets/(.+)$', path)
        if m:
            rel = os.path.join('Sources', 'GroundworkWeb', 'Public', 'widgets', m.group(1))
        else:
            m = re.match(r'^/media/([^/]+)/(.+)$', path)
            rel = os.path.join('Assessments', m.group(1), 'media', m.group(2)) if m else path.lstrip('/')
        full = os.path.abspath(os.path.join(ROOT, rel))
        return full if full.startswith(ROOT + os.sep) and os.path.isfile(full) else None

    def do_GET(self):
        full = self._path()
        if not full:
            self.send_error(404)
            return
        with open(full, 'rb') as f:
            data = f.read()
        start, end, status = 0, len(data) - 1, 200
        rng = re.match(r'bytes=(\d*)-(\d*)$', self.headers.get('Range', ''))
        if rng and (rng.group(1) or rng.group(2)):
            if rng.group(1):
                start = int(rng.group(1))
                end = min(int(rng.group(2)), end) if rng.group(2) else end
            else:
                start = max(0, len(data) - int(rng.group(2)))
            status = 206
        body = data[start:end + 1]
        self.send_response(status)
        self.send_header('Content-Type', TYPES.get(os.path.splitext(full)[1], 'application/octet-stream'))
        self.send_header('Content-Length', str(len(body)))
        self.send_header('Accept-Ranges', 'bytes')
        self.send_header('Cache-Control', 'no-store')
        if status == 206:
            self.send_header('Content-Range', 'bytes %d-%d/%d' % (start, end, len(data)))
        self.send_header('Content-Security-Policy', CSP)
        self.end_headers()
        self.wfile.write(body)


class StaticServer:
    def __init__(self):
        self.httpd = http.server.ThreadingHTTPServer(('127.0.0.1', 0), _Handler)
        self.httpd.daemon_threads = True
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, path):
        return 'http://127.0.0.1:%d/%s' % (self.port, path.lstrip('/'))

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def chromium(width=1280, height=800, mobile=False):
    opts = webdriver.ChromeOptions()
    opts.binary_location = '/usr/bin/chromium'
    for flag in ('--no-sandbox', '--headless=new', '--disable-dev-shm-usage', '--font-render-hinting=none',
                 '--disable-lcd-text', '--hide-scrollbars', '--force-color-profile=srgb', '--mute-audio',
                 '--autoplay-policy=no-user-gesture-required', '--window-size=%d,%d' % (width, height)):
        opts.add_argument(flag)
    opts.set_capability('goog:loggingPrefs', {'browser': 'ALL'})
    driver = webdriver.Chrome(service=Service('/usr/bin/chromedriver'), options=opts)
    set_viewport(driver, width, height, mobile)
    return driver


def set_viewport(driver, width, height, mobile=False):
    driver.execute_cdp_cmd('Emulation.setDeviceMetricsOverride', {
        'width': width, 'height': height, 'deviceScaleFactor': 1, 'mobile': mobile})
    driver.execute_cdp_cmd('Emulation.setTouchEmulationEnabled', {'enabled': mobile, 'maxTouchPoints': 5 if mobile else 1})


def screenshot(driver, name, full_page=True):
    """Saves Tests/Browser/screenshots/<name>.png; full_page captures beyond the viewport."""
    import base64
    os.makedirs(SHOTS, exist_ok=True)
    path = os.path.join(SHOTS, name + '.png')
    if full_page:
        h = driver.execute_script('return Math.ceil(document.documentElement.scrollHeight)')
        w = driver.execute_script('return Math.ceil(document.documentElement.clientWidth)')
        shot = driver.execute_cdp_cmd('Page.captureScreenshot', {
            'format': 'png', 'captureBeyondViewport': True,
            'clip': {'x': 0, 'y': 0, 'width': w, 'height': min(h, 4000), 'scale': 1}})
        with open(path, 'wb') as f:
            f.write(base64.b64decode(shot['data']))
    else:
        driver.save_screenshot(path)
    return path


def severe_logs(driver):
    """Browser console entries at SEVERE level (errors, CSP violations), minus favicon misses."""
    return [e for e in driver.get_log('browser')
            if e.get('level') == 'SEVERE' and 'favicon.ico' not in e.get('message', '')]


class GroundworkServer:
    """`groundwork serve --port 0` on the shipped course, with a fresh gradebook; `accounts`
    makes it a class server whose accounts `(username, role, password)` are made first with
    `groundwork admin create`."""

    BINARY = os.environ.get('GROUNDWORK_BIN', os.path.join(ROOT, '.build', 'debug', 'groundwork'))

    def __init__(self, accounts=None):
        self.data = tempfile.mkdtemp(prefix='groundwork-browser-')
        for username, role, password in accounts or []:
            subprocess.run([self.BINARY, 'admin', 'create', username, '--role', role, '--password-stdin', '--data-dir', self.data],
                           cwd=ROOT, input=password + '\n', text=True, check=True, capture_output=True)
        extra = ['--accounts'] if accounts is not None else []
        self.process = subprocess.Popen([self.BINARY, 'serve', '--port', '0', '--data-dir', self.data] + extra, cwd=ROOT,
                                        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        match = re.search(r'Listening on (http://\S+)', line)
        if not match:
            self.process.kill()
            raise RuntimeError('the server did not start: ' + line + self.process.stderr.read())
        self.url = match.group(1)

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


class Page:
    """Drives a page with widgets: CDP pointer input in CSS pixels, keys, the saved answer."""

    def __init__(self, driver):
        self.d = driver

    def js(self, script, *args):
        return self.d.execute_script(script, *args)

    def wait_for(self, expr, timeout=5.0):
        end = time.time() + timeout
        while time.time() < end:
            if self.js('return !!(' + expr + ')'):
                return
            time.sleep(0.03)
        state = self.js("return [location.href, document.readyState, document.body ? document.body.innerHTML.slice(0, 300) : '']")
        raise AssertionError('timed out waiting for %s (%r)' % (expr, state))

    def answer(self):
        raw = self.js("return document.querySelector('input[name=response]').value")
        return json.loads(raw) if raw else None

    def client(self, x, y):
        """Image pixels -> viewport CSS pixels, through the widget's own screen CTM."""
        p = self.js("return document.querySelector('.gw-widget').gwWidget.canvas.toClient(arguments[0], arguments[1])", x, y)
        return p['x'], p['y']

    def mouse(self, kind, x, y, buttons=0, button='none', modifiers=0):
        self.d.execute_cdp_cmd('Input.dispatchMouseEvent', {
            'type': kind, 'x': x, 'y': y, 'button': button, 'buttons': buttons, 'clickCount': 1 if kind != 'mouseMoved' else 0,
            'modifiers': modifiers, 'pointerType': 'mouse'})

    def drag(self, points, steps=6):
        """Mouse drag through viewport points (floats)."""
        (x0, y0) = points[0]
        self.mouse('mouseMoved', x0, y0)
        self.mouse('mousePressed', x0, y0, 1, 'left')
        for (xa, ya), (xb, yb) in zip(points, points[1:]):
            for i in range(1, steps + 1):
                self.mouse('mouseMoved', xa + (xb - xa) * i / steps, ya + (yb - ya) * i / steps, 1, 'left')
        self.mouse('mouseReleased', points[-1][0], points[-1][1], 0, 'left')

    def click(self, x, y):
        self.mouse('mouseMoved', x, y)
        self.mouse('mousePressed', x, y, 1, 'left')
        self.mouse('mouseReleased', x, y, 0, 'left')

    def touch_drag(self, points, steps=6):
        (x0, y0) = points[0]
        t = 'Input.dispatchTouchEvent'
        self.d.execute_cdp_cmd(t, {'type': 'touchStart', 'touchPoints': [{'x': x0, 'y': y0, 'id': 1}]})
        for (xa, ya), (xb, yb) in zip(points, points[1:]):
            for i in range(1, steps + 1):
                self.d.execute_cdp_cmd(t, {'type': 'touchMove', 'touchPoints': [
                    {'x': xa + (xb - xa) * i / steps, 'y': ya + (yb - ya) * i / steps, 'id': 1}]})
        self.d.execute_cdp_cmd(t, {'type': 'touchEnd', 'touchPoints': []})

    def keys(self, *keys, mods=()):
        a = ActionChains(self.d)
        for m in mods:
            a = a.key_down(m)
        for k in keys:
            a = a.send_keys(k)
        for m in mods:
            a = a.key_up(m)
        a.perform()

    def focus(self, css):
        self.js("document.querySelector(arguments[0]).focus()", css)

    def errors(self):
        return severe_logs(self.d)
