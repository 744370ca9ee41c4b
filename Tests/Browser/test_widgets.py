"""Browser tests for Groundwork's labeling widgets and feedback overlays.

Run with Debian's Python (its selenium drives Debian's chromium/chromedriver):
    /usr/bin/python3 -m unittest discover -s Tests/Browser -p 'test_widgets.py' -v

Each page under Tests/Browser/widgets/ loads the real widget files from
Sources/GroundworkWeb/Public/widgets/ and real media from Assessments/*/media/, served with the
production Content-Security-Policy; any console error (a CSP violation included) fails the test.
The tests assert the answer JSON the widget writes into the form, not pixels.
"""
import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import browser  # noqa: E402

from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402

SERVER = None


def setUpModule():
    global SERVER
    SERVER = browser.StaticServer()


def tearDownModule():
    SERVER.stop()


class HarnessPage(browser.Page):
    """A widget harness page of Tests/Browser/widgets/."""

    def open(self, name, wait=0.15):
        self.d.get(SERVER.url('Tests/Browser/widgets/' + name))
        self.wait_for("document.querySelector('.gw-ready, .gw-ov-host') !== null")
        time.sleep(wait)



def near(test, actual, expected, tol=0.5, what=''):
    test.assertLessEqual(abs(actual - expected), tol, '%s: %r is not within %r of %r' % (what, actual, tol, expected))


def box_equal(test, box, x, y, w, h, tol=0.5):
    for k, v in (('x', x), ('y', y), ('width', w), ('height', h)):
        near(test, box[k], v, tol, k)


class BrowserCase(unittest.TestCase):
    WIDTH, HEIGHT, MOBILE = 1280, 800, False

    @classmethod
    def setUpClass(cls):
        cls.driver = browser.chromium(cls.WIDTH, cls.HEIGHT, cls.MOBILE)
        cls.page = HarnessPage(cls.driver)

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()

    def tearDown(self):
        self.assertEqual(self.page.errors(), [], 'console errors (CSP violations included)')


class BoxesTest(BrowserCase):
    def test_drag_at_zoom_2_undo_redo_nudge_clamp(self):
        p = self.page
        p.open('boxes.html')
        p.js("window.__changes = 0; document.querySelector('.gw-widget').addEventListener('gw-change', () => window.__changes++)")
        p.js("document.querySelector('.gw-widget').gwWidget.canvas.zoomTo(2, {x: 0, y: 0})")
        self.assertEqual(p.js("return document.querySelector('.gw-zoom').textContent"), '200%')
        p.drag([p.client(10, 20), p.client(60, 45), p.client(110, 70)])
        ans = p.answer()
        self.assertEqual(len(ans), 1)
        box_equal(self, ans[0], 10, 20, 100, 50)
        self.assertEqual(ans[0]['label'], 'car')
        self.assertEqual(ans[0]['attributes'], {})
        self.assertGreaterEqual(p.js('return window.__changes'), 1)
        # zoom changes only the view, never the geometry
        p.js("document.querySelector('.gw-widget').gwWidget.canvas.fit()")
        box_equal(self, p.answer()[0], 10, 20, 100, 50)
        first = p.answer()
        # undo restores the previous state exactly, redo re-applies
        p.focus('.gw-canvas')
        p.keys('z', mods=(Keys.CONTROL,))
        self.assertEqual(p.answer(), [])
        p.keys('z', mods=(Keys.CONTROL, Keys.SHIFT))
        self.assertEqual(p.answer(), first)
        self.assertIn('Redone', p.js("return document.querySelector('.gw-sr').textContent || ''") or 'Redone')
        # select it (Tab), nudge 1 px and 10 px, resize with Alt
        p.keys(Keys.TAB)
        p.keys(Keys.ARROW_RIGHT)
        box_equal(self, p.answer()[0], 11, 20, 100, 50, 1e-6)
        p.keys(Keys.ARROW_DOWN, mods=(Keys.SHIFT,))
        box_equal(self, p.answer()[0], 11, 30, 100, 50, 1e-6)
        p.keys(Keys.ARROW_RIGHT, mods=(Keys.ALT,))
        box_equal(self, p.answer()[0], 11, 30, 101, 50, 1e-6)
        p.keys(Keys.ARROW_LEFT, mods=(Keys.ALT, Keys.SHIFT))
        box_equal(self, p.answer()[0], 11, 30, 91, 50, 1e-6)
        # relabel with a digit, tick an attribute
        p.keys('2')
        self.assertEqual(p.answer()[0]['label'], 'person')
        p.js("document.querySelector('.gw-attrs input').click()")
        self.assertEqual(p.answer()[0]['attributes'], {'occluded': True})
        # undo walks back through attribute, relabel and resize
        p.keys('z', mods=(Keys.CONTROL,))
        self.assertEqual(p.answer()[0]['attributes'], {})
        p.keys('z', mods=(Keys.CONTROL,))
        self.assertEqual(p.answer()[0]['label'], 'car')
        # a drag past the image's bottom-right corner clamps to the edge (640 x 400)
        p.js("document.querySelector('.gw-widget').gwWidget.select(null, true)")
        p.drag([p.client(600, 350), p.client(700, 460)])
        last = p.answer()[-1]
        box_equal(self, last, 600, 350, 40, 50)
        # a drag under 3 px is discarded
        n = len(p.answer())
        x, y = p.client(300, 100)
        p.drag([(x, y), (x + 2, y + 1)])
        self.assertEqual(len(p.answer()), n)
        # Delete removes the selected box; Esc cancels a drawing in progress
        p.focus('.gw-canvas')
        p.keys(Keys.TAB, mods=(Keys.SHIFT,))
        p.keys(Keys.DELETE)
        self.assertEqual(len(p.answer()), n - 1)

    def test_resize_handle_and_move(self):
        p = self.page
        p.open('boxes.html')
        p.drag([p.client(100, 100), p.client(200, 180)])
        # drag the south-east handle, then the body
        p.drag([p.client(200, 180), p.client(220, 190)])
        box_equal(self, p.answer()[0], 100, 100, 120, 90)
        p.drag([p.client(150, 150), p.client(160, 140)])
        box_equal(self, p.answer()[0], 110, 90, 120, 90)
        # four extreme points
        p.focus('.gw-canvas')
        p.keys('x')
        for (x, y) in ((400, 50), (450, 120), (380, 90), (470, 80)):
            p.click(*p.client(x, y))
        box_equal(self, p.answer()[-1], 380, 50, 90, 70)

    def test_restore_saved_answer(self):
        p = self.page
        p.open('boxes-restore.html')
        self.assertEqual(p.js("return document.querySelectorAll('.gw-layer-objects .gw-obj').length"), 2)
        self.assertEqual(p.js("return document.querySelectorAll('.gw-objects li').length"), 2)
        p.focus('.gw-canvas')
        p.keys(Keys.TAB)
        p.keys(Keys.ARROW_LEFT)
        ans = p.answer()
        box_equal(self, ans[0], 39, 250, 180, 57.6, 1e-6)
        self.assertEqual(ans[0]['attributes'], {'occluded': True})
        box_equal(self, ans[1], 259.68, 200, 50.64, 121.8, 1e-6)


class BoxesTouchTest(BrowserCase):
    WIDTH, HEIGHT, MOBILE = 390, 844, True

    def test_touch_drag_at_zoom_2(self):
        p = self.page
        p.open('boxes.html')
        self.assertEqual(p.js("return getComputedStyle(document.querySelector('.gw-canvas')).touchAction"), 'none')
        self.assertEqual(p.js("return getComputedStyle(document.body).touchAction"), 'auto')
        p.js("document.querySelector('.gw-widget').gwWidget.canvas.zoomTo(2, {x: 0, y: 0})")
        p.touch_drag([p.client(10, 20), p.client(60, 40), p.client(110, 70)])
        ans = p.answer()
        self.assertEqual(len(ans), 1, ans)
        box_equal(self, ans[0], 10, 20, 100, 50)
        p.js("document.querySelector('.gw-widget').gwWidget.undo()")
        self.assertEqual(p.answer(), [])
        p.js("document.querySelector('.gw-widget').gwWidget.redo()")
        box_equal(self, p.answer()[0], 10, 20, 100, 50)
        # a drag past the edge clamps
        p.js("document.querySelector('.gw-widget').gwWidget.canvas.fit()")
        p.js("document.querySelector('.gw-widget').gwWidget.select(null, true)")
        x, y = p.client(600, 350)
        p.touch_drag([(x, y), (389, y + 60)])
        last = p.answer()[-1]
        near(self, last['x'] + last['width'], 640, 0.5, 'right edge')

    def test_two_finger_pinch_zooms_without_drawing(self):
        p = self.page
        p.open('boxes.html')
        a, b = p.client(200, 200), p.client(300, 200)
        t = 'Input.dispatchTouchEvent'
        self.driver.execute_cdp_cmd(t, {'type': 'touchStart', 'touchPoints': [{'x': a[0], 'y': a[1], 'id': 1}, {'x': b[0], 'y': b[1], 'id': 2}]})
        for i in range(1, 6):
            self.driver.execute_cdp_cmd(t, {'type': 'touchMove', 'touchPoints': [
                {'x': a[0] - 8 * i, 'y': a[1], 'id': 1}, {'x': b[0] + 8 * i, 'y': b[1], 'id': 2}]})
        self.driver.execute_cdp_cmd(t, {'type': 'touchEnd', 'touchPoints': []})
        self.assertGreater(p.js("return document.querySelector('.gw-widget').gwWidget.canvas.zoomLevel()"), 1.2)
        self.assertIn(p.answer(), (None, []))


class PolygonsTest(BrowserCase):
    def test_clicks_enter_backspace_vertex_drag_edge_insert(self):
        p = self.page
        p.open('polygons.html')
        for x, y in ((60, 330), (60, 150), (160, 150), (160, 250), (300, 300)):
            p.click(*p.client(x, y))
        p.focus('.gw-canvas')
        p.keys(Keys.BACKSPACE)  # drops (300, 300)
        for x, y in ((260, 250), (260, 330)):
            p.click(*p.client(x, y))
        p.focus('.gw-canvas')
        p.keys(Keys.ENTER)
        ans = p.answer()
        self.assertEqual(len(ans), 1)
        self.assertEqual(ans[0]['label'], 'building')
        pts = ans[0]['points']
        self.assertEqual(len(pts), 6)
        for (ax, ay), (ex, ey) in zip(pts, ((60, 330), (60, 150), (160, 150), (160, 250), (260, 250), (260, 330))):
            near(self, ax, ex)
            near(self, ay, ey)
        # drag vertex 4 (160, 250) to (170, 240)
        p.drag([p.client(160, 250), p.client(170, 240)])
        v = p.answer()[0]['points'][3]
        near(self, v[0], 170)
        near(self, v[1], 240)
        # undo the vertex move
        p.keys('z', mods=(Keys.CONTROL,))
        v = p.answer()[0]['points'][3]
        near(self, v[0], 160)
        near(self, v[1], 250)
        # click an edge to insert a vertex
        p.click(*p.client(60, 240))
        pts = p.answer()[0]['points']
        self.assertEqual(len(pts), 7)
        near(self, pts[1][0], 60)
        near(self, pts[1][1], 240)
        # Enter with 2 vertices does not close; Esc cancels the drawing
        p.js("document.querySelector('.gw-widget').gwWidget.select(null, true)")
        p.click(*p.client(400, 60))
        p.click(*p.client(450, 60))
        p.focus('.gw-canvas')
        p.keys(Keys.ENTER)
        self.assertEqual(len(p.answer()), 1)
        p.keys(Keys.ESCAPE)
        self.assertEqual(len(p.answer()), 1)
        self.assertIsNone(p.js("return document.querySelector('.gw-widget').gwWidget.draftPts"))
        # Delete removes the selected polygon
        p.keys(Keys.TAB)
        p.keys(Keys.DELETE)
        self.assertEqual(p.answer(), [])

    def test_restore(self):
        p = self.page
        p.open('polygons-restore.html')
        self.assertEqual(p.js("return document.querySelectorAll('.gw-layer-objects polygon.gw-shape').length"), 1)
        p.focus('.gw-canvas')
        p.keys(Keys.TAB)
        p.keys(Keys.ARROW_UP)
        self.assertEqual(p.answer(), [{'label': 'roof', 'points': [[300, 119], [360, 59], [420, 119]]}])


class KeyboardCrosshairTest(BrowserCase):
    def test_polygon_and_keypoints_placed_with_the_keyboard_alone(self):
        p = self.page
        p.open('polygons.html')
        p.focus('.gw-canvas')
        p.keys('c')
        for key in ('ARROW_LEFT', 'ARROW_UP'):
            p.keys(getattr(Keys, key), mods=(Keys.SHIFT,))
        p.keys(Keys.SPACE)
        p.keys(Keys.ARROW_RIGHT, mods=(Keys.SHIFT,))
        p.keys(Keys.ARROW_RIGHT, mods=(Keys.SHIFT,))
        p.keys(Keys.SPACE)
        p.keys(Keys.ARROW_DOWN, mods=(Keys.SHIFT,))
        p.keys(Keys.ARROW_DOWN, mods=(Keys.SHIFT,))
        p.keys(Keys.SPACE)
        p.keys(Keys.ENTER)
        polygons = p.answer()
        self.assertEqual(len(polygons), 1)
        w, h = p.js("return [document.querySelector('.gw-widget').gwWidget.W, document.querySelector('.gw-widget').gwWidget.H]")
        cx, cy = w / 2, h / 2
        self.assertEqual([[round(a), round(b)] for a, b in polygons[0]['points']],
                         [[round(cx - 10), round(cy - 10)], [round(cx + 10), round(cy - 10)], [round(cx + 10), round(cy + 10)]])
        p.open('keypoints.html')
        p.focus('.gw-canvas')
        p.keys('c')
        p.keys(Keys.SPACE)
        p.keys(Keys.ARROW_RIGHT)
        p.keys(Keys.SPACE)
        points = p.answer()[0]['points']
        first, second = list(points)[:2]
        self.assertAlmostEqual(points[second][0] - points[first][0], 1, delta=0.01)


class KeypointsTest(BrowserCase):
    def test_place_in_order_with_visibility(self):
        p = self.page
        p.open('keypoints.html')
        self.assertEqual(p.js("return document.querySelector('.gw-place').textContent"), 'Place: nose')
        for x, y in ((140, 91), (152, 85), (128, 85)):
            p.click(*p.client(x, y))
        ans = p.answer()
        self.assertEqual(list(ans[0]['points']), ['nose', 'left_eye', 'right_eye'])
        near(self, ans[0]['points']['nose'][0], 140)
        self.assertEqual(ans[0]['points']['nose'][2], 2)
        self.assertTrue(p.js("return document.querySelector('.gw-place').textContent").startswith('Place: left_shoulder'))
        # v cycles the selected (last placed) point: visible -> occluded -> not in image -> visible
        p.focus('.gw-canvas')
        p.keys('v')
        self.assertEqual(p.answer()[0]['points']['right_eye'][2], 1)
        p.keys('v')
        self.assertEqual(p.answer()[0]['points']['right_eye'], [0, 0, 0])
        p.keys('v')
        q = p.answer()[0]['points']['right_eye']
        self.assertEqual(q[2], 2)
        near(self, q[0], 128)
        # s marks the next point as not in the image
        p.keys('s')
        self.assertEqual(p.answer()[0]['points']['left_shoulder'], [0, 0, 0])
        self.assertTrue(p.js("return document.querySelector('.gw-place').textContent").startswith('Place: right_shoulder'))
        # the visibility select in the side panel
        p.js("""const s = document.querySelector('select[aria-label="Visibility of nose"]'); s.value = '1'; s.dispatchEvent(new Event('change'))""")
        self.assertEqual(p.answer()[0]['points']['nose'][2], 1)
        # drag a point
        p.drag([p.client(152, 85), p.client(160, 90)])
        q = p.answer()[0]['points']['left_eye']
        near(self, q[0], 160)
        near(self, q[1], 90)
        # skeleton lines drawn between placed points
        self.assertGreaterEqual(p.js("return document.querySelectorAll('.gw-bone').length"), 2)
        # new object
        p.focus('.gw-canvas')
        p.keys('n')
        p.click(*p.client(350, 134))
        ans = p.answer()
        self.assertEqual(len(ans), 2)
        self.assertEqual(list(ans[1]['points']), ['nose'])
        # undo takes back the placement, then the new object
        p.keys('z', mods=(Keys.CONTROL,))
        self.assertEqual(p.answer()[1]['points'], {})
        p.keys('z', mods=(Keys.CONTROL,))
        self.assertEqual(len(p.answer()), 1)

    def test_restore(self):
        p = self.page
        p.open('keypoints-restore.html')
        self.assertEqual(p.js("return document.querySelectorAll('.gw-kp').length"), 2)  # right_eye is not in the image
        self.assertEqual(p.js("return document.querySelectorAll('.gw-kp.gw-occluded').length"), 1)


TEXT = 'Hi \U0001F44B\U0001F3FD from Zoe\u0301 in S\u00e3o Paulo, \u05e9\u05dc\u05d5\u05dd \u05e2\u05d5\u05dc\u05dd!'


class SpansTest(BrowserCase):
    def select_graphemes(self, g0, g1):
        """DOM selection from the start of grapheme g0 to the end of grapheme g1, then a pointerup."""
        self.page.js("""
            const g = document.querySelectorAll('.gw-text .gw-g');
            const r = document.createRange();
            r.setStart(g[arguments[0]].firstChild, 0);
            r.setEnd(g[arguments[1]].firstChild, g[arguments[1]].firstChild.length);
            const s = getSelection(); s.removeAllRanges(); s.addRange(r);
            document.querySelector('.gw-text').dispatchEvent(new PointerEvent('pointerup', {bubbles: true}));
        """, g0, g1)
        time.sleep(0.05)

    def grapheme_index(self, cp):
        return self.page.js("return document.querySelector('.gw-widget').gwWidget.index.graphemeAt(arguments[0])", cp)

    def test_code_point_offsets_with_emoji_combining_and_rtl(self):
        p = self.page
        p.open('spans.html')
        # Zoé written with e + U+0301: code points 11..15 (the emoji and its skin tone are 2 code points, 4 UTF-16 units)
        start = TEXT.index('Zoe\u0301')
        self.assertEqual(start, 11)
        self.select_graphemes(self.grapheme_index(start), self.grapheme_index(start + 3))
        self.assertEqual(p.answer(), [{'start': 11, 'end': 15, 'label': 'PER'}])
        # a mouse drag over "São Paulo" with LOC chosen in the picker
        p.js("const s = document.querySelector('.gw-label-select'); s.value = 'LOC'; s.dispatchEvent(new Event('change'))")
        s0 = TEXT.index('S\u00e3o')
        r0 = p.js("return document.querySelectorAll('.gw-text .gw-g')[arguments[0]].getBoundingClientRect().toJSON()", self.grapheme_index(s0))
        r1 = p.js("return document.querySelectorAll('.gw-text .gw-g')[arguments[0]].getBoundingClientRect().toJSON()", self.grapheme_index(s0 + 8))
        p.drag([(r0['left'] + 1, r0['top'] + r0['height'] / 2), (r1['right'] - 1, r1['top'] + r1['height'] / 2)])
        time.sleep(0.05)
        self.assertIn({'start': s0, 'end': s0 + 9, 'label': 'LOC'}, p.answer())
        self.assertEqual(TEXT[s0:s0 + 9], 'S\u00e3o Paulo')
        # keyboard: caret after "Hi ", Shift+Right takes the whole emoji with its skin tone, digit 1 labels it PER
        p.focus('.gw-text')
        p.keys(Keys.HOME)
        p.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT)
        p.keys(Keys.ARROW_RIGHT, mods=(Keys.SHIFT,))
        p.keys('1')
        self.assertIn({'start': 3, 'end': 5, 'label': 'PER'}, p.answer())
        # right-to-left word
        h0 = TEXT.index('\u05e9\u05dc\u05d5\u05dd')
        self.select_graphemes(self.grapheme_index(h0), self.grapheme_index(h0 + 3))
        self.assertIn({'start': h0, 'end': h0 + 4, 'label': 'PER'}, p.answer())  # the digit made PER current
        # overlaps are refused when the task says overlap: false
        n = len(p.answer())
        self.select_graphemes(self.grapheme_index(start + 1), self.grapheme_index(start + 6))
        self.assertEqual(len(p.answer()), n)
        # the list has a remove button per span
        p.js("document.querySelector('.gw-spanlist li .gw-btn-danger').click()")
        self.assertEqual(len(p.answer()), n - 1)
        p.focus('.gw-text')
        p.keys('z', mods=(Keys.CONTROL,))
        self.assertEqual(len(p.answer()), n)

    def test_word_snapping(self):
        p = self.page
        p.open('spans-word.html')
        text = 'On 3 May 2024, the chief executive of Northwind Ltd., Dr. Amara Osei, opened a new office in St. Louis.'
        a = text.index('orthwind')
        self.select_graphemes(a, a + len('orthwind Lt') - 1)
        self.assertEqual(p.answer(), [{'start': text.index('Northwind'), 'end': text.index('Northwind Ltd') + 13, 'label': 'PERSON'}])
        b = text.index(' Amara') 
        self.select_graphemes(b, b + len(' Amara Ose') - 1)
        self.assertIn({'start': text.index('Amara'), 'end': text.index('Amara Osei') + 10, 'label': 'PERSON'}, p.answer())
        # keyboard, word by word: caret to "St.", Shift+Right twice, digit 3 (LOC)
        p.focus('.gw-text')
        p.keys(Keys.END)
        p.keys(Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT, Keys.ARROW_LEFT)
        p.keys(Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, Keys.ARROW_RIGHT, mods=(Keys.SHIFT,))
        p.keys('3')
        self.assertIn({'start': text.index('St. Louis'), 'end': text.index('St. Louis') + 9, 'label': 'LOC'}, p.answer())

    def test_restore(self):
        p = self.page
        p.open('spans-restore.html')
        self.assertEqual(p.js("return document.querySelectorAll('.gw-spanlist li').length"), 2)
        self.assertEqual(p.js("return document.querySelectorAll('.gw-text .gw-in').length"), 10 + 14)


class SegmentsTest(BrowserCase):
    def seek(self, t):
        self.page.js("""const a = document.querySelector('audio'); a.currentTime = arguments[0];""", t)
        self.page.wait_for("Math.abs(document.querySelector('audio').currentTime - %f) < 0.001 && !document.querySelector('audio').seeking" % t)

    def test_keys_at_playhead_nudges_and_drag(self):
        p = self.page
        p.open('segments.html')
        p.wait_for("document.querySelector('audio').readyState >= 1")
        p.focus('.gw-timeline')
        self.seek(1.2)
        p.keys('a')
        self.seek(2.0)
        p.keys('A')
        ans = p.answer()
        self.assertEqual(len(ans), 1)
        self.assertEqual(ans[0]['label'], 'beep')
        near(self, ans[0]['start'], 1.2, 0.02, 'start')
        near(self, ans[0]['end'], 2.0, 0.02, 'end')
        p.keys('l')
        near(self, p.answer()[0]['start'], 1.18, 1e-6)
        p.keys('L')
        near(self, p.answer()[0]['start'], 1.2, 1e-6)
        p.keys('R')
        near(self, p.answer()[0]['end'], 2.02, 1e-6)
        p.keys('R', mods=(Keys.CONTROL,))
        near(self, p.answer()[0]['end'], 3.02, 1e-6)
        p.keys('r', mods=(Keys.CONTROL,))
        near(self, p.answer()[0]['end'], 2.02, 1e-6)
        p.keys('2')
        self.assertEqual(p.answer()[0]['label'], 'buzz')
        p.keys('z', mods=(Keys.CONTROL,))
        self.assertEqual(p.answer()[0]['label'], 'beep')
        # segments are focusable elements
        self.assertEqual(p.js("return document.querySelectorAll('.gw-seg[tabindex=\"0\"]').length"), 1)
        # drag on the waveform from 25 % to 75 % of the width: 1.0 s to 3.0 s
        r = p.js("return document.querySelector('.gw-timeline').getBoundingClientRect().toJSON()")
        y = r['top'] + r['height'] / 2
        p.drag([(r['left'] + r['width'] * 0.625, y), (r['left'] + r['width'] * 0.875, y)])
        seg = p.answer()[-1]
        near(self, seg['start'], 2.5, 0.02)
        near(self, seg['end'], 3.5, 0.02)
        # drag its right edge back to 3.25 s
        p.drag([(r['left'] + r['width'] * 0.875 + 1, y), (r['left'] + r['width'] * 0.8125, y)])
        near(self, p.answer()[-1]['end'], 3.25, 0.02)
        # Delete removes the selected segment
        p.focus('.gw-seg.gw-on')
        p.keys(Keys.DELETE)
        self.assertEqual(len(p.answer()), 1)
        # speed and loop controls
        p.js("const s = document.querySelector('.gw-speed'); s.value = '0.5'; s.dispatchEvent(new Event('change'))")
        self.assertEqual(p.js("return document.querySelector('audio').playbackRate"), 0.5)

    def test_restore(self):
        p = self.page
        p.open('segments-restore.html')
        self.assertEqual(p.js("return document.querySelectorAll('.gw-seg').length"), 2)
        self.assertEqual(p.js("return document.querySelectorAll('.gw-wave path').length"), 1)


class TranscriptionTest(BrowserCase):
    def test_textarea_restore_and_replay(self):
        p = self.page
        p.open('transcription.html')
        area = self.driver.find_element(By.CSS_SELECTOR, '.gw-tx textarea')
        self.assertEqual(area.get_attribute('value'), 'Their team')
        area.send_keys(' reviewed')
        self.assertEqual(p.answer(), 'Their team reviewed')
        self.assertIn('numbers as spoken words', p.js("return document.querySelector('.gw-rules').textContent"))
        p.wait_for("document.querySelector('audio').readyState >= 1")
        p.js("document.querySelector('audio').currentTime = 3.0")
        p.wait_for("!document.querySelector('audio').seeking")
        area.send_keys(Keys.ALT, 'r')
        p.wait_for("document.querySelector('audio').currentTime < 1.0")
        self.assertEqual(p.answer(), 'Their team reviewed')  # the shortcut typed nothing


class OverlaysTest(BrowserCase):
    def texts(self, css):
        return self.page.js("return [...document.querySelectorAll(arguments[0])].map(e => e.textContent)", css)

    def keys_of(self):
        return sorted(self.page.js("return [...document.querySelector('.gw-overlay').gwOverlay.items.keys()]"))

    def gold_visible(self):
        return self.page.js("return [...document.querySelectorAll('.gw-overlay .gw-gold')].some(e => getComputedStyle(e).display !== 'none')")

    def toggle(self, v):
        self.page.js("document.querySelector('.gw-ov-toggle input[value=\"%s\"]').click()" % v)

    def test_boxes(self):
        p = self.page
        p.open('overlay-boxes.html')
        self.assertEqual(self.keys_of(), ['extra:3', 'missed:1', 'pair:0', 'pair:1', 'pair:2'])
        t = self.texts('.gw-ov-text')
        self.assertIn('IoU 0.87 \u2265 0.70', t)
        self.assertIn('IoU 0.84 \u2265 0.70 \u00b7 car \u2260 person', t)
        self.assertIn('left \u221212 px', t)
        self.assertIn('missed: car', t)
        self.assertIn('extra: person', t)
        self.assertEqual(p.js("return document.querySelectorAll('.gw-canvas .gw-ov-gold').length"), 4)
        # hovering a row highlights the shapes, and the other way round
        p.js("document.querySelector('li[data-missed=\"1\"]').dispatchEvent(new PointerEvent('pointerenter'))")
        self.assertTrue(p.js("return document.querySelector('g[data-key=\"missed:1\"]').classList.contains('gw-hl')"))
        p.js("document.querySelector('g[data-key=\"pair:0\"]').dispatchEvent(new PointerEvent('pointerenter'))")
        self.assertTrue(p.js("return document.querySelector('li[data-pair=\"0\"]').classList.contains('gw-hl')"))
        self.assertTrue(self.gold_visible())
        self.toggle('mine')
        self.assertFalse(self.gold_visible())
        self.toggle('both')
        self.assertTrue(self.gold_visible())

    def test_boxes_gold_hidden(self):
        p = self.page
        p.open('overlay-boxes-nogold.html')
        self.assertEqual(p.js("return document.querySelectorAll('.gw-canvas .gw-ov-gold, .gw-ov-delta').length"), 0)
        self.assertEqual(p.js("return document.querySelectorAll('.gw-ov-toggle').length"), 0)
        self.assertIn('1 object was not found in your answer.', self.texts('.gw-ov-summary'))
        self.assertIn('IoU 0.87 \u2265 0.70', self.texts('.gw-ov-text'))

    def test_polygons(self):
        p = self.page
        p.open('overlay-polygons.html')
        self.assertEqual(self.keys_of(), ['extra:1', 'missed:1', 'pair:0'])
        self.assertEqual(p.js("return document.querySelectorAll('.gw-overlay mask').length"), 2)
        self.assertIn('IoU 0.74 < 0.85', self.texts('.gw-ov-text'))

    def test_keypoints(self):
        p = self.page
        p.open('overlay-keypoints.html')
        self.assertEqual(self.keys_of(), ['missed:1', 'pair:0'])
        t = self.texts('.gw-ov-text')
        self.assertTrue(any(s.startswith('left_wrist ') and 'OKS' in s for s in t), t)
        self.assertIn('right_ankle: not placed', t)
        self.assertGreaterEqual(p.js("return document.querySelectorAll('.gw-ov-link').length"), 14)

    def test_spans(self):
        p = self.page
        p.open('overlay-spans.html')
        notes = self.texts('.gw-note')
        self.assertIn('end \u22121 ch', notes)
        self.assertIn('start \u22124 ch \u00b7 ORG \u2260 PERSON', notes)
        self.assertIn('missed LOC', notes)
        self.assertIn('extra PERSON', notes)
        self.assertGreater(p.js("return document.querySelectorAll('.gw-g.gw-gd').length"), 0)
        self.toggle('mine')
        self.assertFalse(self.gold_visible())

    def test_segments(self):
        p = self.page
        p.open('overlay-segments.html')
        t = self.texts('.gw-ov-deltas span')
        self.assertTrue(any('onset +400 ms' in s and 'offset +600 ms' in s and '< 0.50' in s for s in t), t)
        self.assertEqual(p.js("return document.querySelectorAll('.gw-ov-seg.gw-gold').length"), 3)
        self.toggle('mine')
        self.assertFalse(self.gold_visible())

    def test_transcription(self):
        p = self.page
        p.open('overlay-transcription.html')
        tags = self.texts('.gw-w-tag')
        self.assertEqual(sorted(tags), ['extra', 'missing', 'wrong word', 'wrong word'])
        self.assertIn('said: their', self.texts('.gw-w-said'))
        self.assertIn('wrote: there', self.texts('.gw-w-wrote'))


PAGES = ['boxes-restore', 'polygons-restore', 'keypoints-restore', 'spans-restore', 'segments-restore', 'transcription',
         'overlay-boxes', 'overlay-boxes-nogold', 'overlay-polygons', 'overlay-keypoints', 'overlay-spans',
         'overlay-segments', 'overlay-transcription']


class ScreenshotsDesktop(BrowserCase):
    def test_screenshots(self):
        for name in PAGES:
            self.page.open(name + '.html', wait=0.8)
            if name.endswith('-restore'):
                self.page.js("const w = document.querySelector('.gw-widget').gwWidget; w.select && w.objects && w.objects[0] && w.select(w.objects[0].id, true)")
            path = browser.screenshot(self.driver, '%s-%d' % (name, self.WIDTH))
            self.assertTrue(os.path.getsize(path) > 1000)
            # nothing overflows the viewport sideways
            self.assertLessEqual(self.page.js("return document.documentElement.scrollWidth"), self.WIDTH, name)


class ScreenshotsPhone(ScreenshotsDesktop):
    WIDTH, HEIGHT, MOBILE = 390, 844, True


if __name__ == '__main__':
    unittest.main()
