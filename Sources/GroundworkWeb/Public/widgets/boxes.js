/* Groundwork boxes widget: data-kind="boxes". Answer: [{label, x, y, width, height, attributes?}]. */
(function () {
  'use strict';
  const GW = window.GW;
  const HANDLES = ['nw', 'n', 'ne', 'e', 'se', 's', 'sw', 'w'];
  const MIN_DRAG = 3; // screen pixels: smaller drags are clicks

  class Boxes extends GW.ShapeEditor {
    constructor(container) {
      const extreme = GW.h('input', { type: 'checkbox', class: 'gw-extreme' });
      const attrsDeclared = (GW.readJSON(container, 'data-task', {}).attributes || []);
      super(container, {
        init: (self) => {
          self.attrNames = attrsDeclared;
          self.extreme = extreme;
          self.gesture = null;
          self.draft = null;
          self.extremePts = [];
        },
        noun: 'box',
        ariaLabel: 'Image to annotate with boxes. Drag to draw a box; arrow keys move the selected box, Alt+arrows resize it, digits pick its label, Tab goes to the next box.',
        hint: 'Drag to draw a box. Drag inside the selected box to move it, or its handles to resize it.',
        tools: [GW.h('label', { class: 'gw-check', title: 'Click the four outermost points of the object (x)' }, extreme, GW.h('span', null, 'Four-point mode'))],
        shortcuts: [
          ['Drag', 'draw a box (inside another box too); drags under 3 px are ignored'],
          ['Drag inside the selected box / its handles', 'move / resize it'],
          ['X', 'toggle four-point mode: click the top, bottom, left and right extremes'],
          ['N', 'new box in the middle of the view (then arrows and Alt+arrows)'],
          ['\u2190 \u2191 \u2192 \u2193', 'move the selected box 1 px (Shift: 10 px)'],
          ['Alt + arrows', 'resize from the right / bottom edge 1 px (Shift: 10 px)'],
          ['1\u20139', 'label of the selected box (or of the next one)'],
          ['Tab / Shift+Tab', 'next / previous box'],
          ['Delete', 'delete the selected box'],
          ['Esc', 'cancel the current drawing, then clear the selection'],
          ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
          ['+ / \u2212 / 0, Ctrl+wheel', 'zoom in / out / fit'],
          ['Space+drag, middle drag, two fingers', 'pan'],
        ],
      });
      extreme.addEventListener('change', () => this.setExtreme(extreme.checked));
    }
    setExtreme(on) {
      this.extreme.checked = on;
      this.extremePts = [];
      this.status.textContent = on
        ? 'Four-point mode: click the topmost, bottommost, leftmost and rightmost points of the object.'
        : 'Drag to draw a box. Drag inside the selected box to move it, or its handles to resize it.';
      this.renderUI();
      this.announcer.say(on ? 'Four-point mode on' : 'Four-point mode off');
    }
    // ----- answer -----
    fromAnswer(list) {
      return list.filter((b) => b && typeof b.x === 'number').map((b) => ({
        label: b.label, x: b.x, y: b.y, w: b.width, h: b.height,
        attrs: Object.assign({}, b.attributes || {}),
      }));
    }
    toAnswer(objs) {
      return objs.map((o) => {
        const a = { label: o.label, x: GW.round(o.x), y: GW.round(o.y), width: GW.round(o.w), height: GW.round(o.h) };
        if (this.attrNames && this.attrNames.length) {
          a.attributes = {};
          for (const n of this.attrNames) if (o.attrs && o.attrs[n]) a.attributes[n] = true;
        }
        return a;
      });
    }
    describe(o, n) {
      const at = this.attrNames && o.attrs ? this.attrNames.filter((k) => o.attrs[k]) : [];
      return `Box ${n} ${o.label}${at.length ? ' (' + at.join(', ') + ')' : ''}, x ${GW.fmt(o.x)} y ${GW.fmt(o.y)} w ${GW.fmt(o.w)} h ${GW.fmt(o.h)}`;
    }
    readoutOf(o) { return `box x ${GW.fmt(o.x)} y ${GW.fmt(o.y)} w ${GW.fmt(o.w)} h ${GW.fmt(o.h)}`; }
    draftReadout() { return this.draft ? this.readoutOf(this.draft) : ''; }
    // ----- drawing -----
    renderObject(o, g) {
      const color = GW.colorFor(this.labels, o.label);
      const rect = { x: o.x, y: o.y, width: o.w, height: o.h };
      g.append(
        GW.s('rect', Object.assign({ class: 'gw-halo' }, rect)),
        GW.s('rect', Object.assign({ class: 'gw-shape', stroke: color, fill: color, 'data-id': o.id }, rect)));
      const fs = this.px(12);
      const tag = GW.s('text', { x: o.x + this.px(3), y: Math.max(fs, o.y - this.px(3)), class: 'gw-tag', 'font-size': fs }, o.label);
      g.append(tag);
    }
    renderScaleKey() { return '@' + this.canvas.scale().toFixed(3); }
    renderUI() {
      const ui = this.canvas.ui;
      ui.replaceChildren();
      const o = this.draft || this.selected;
      if (this.draft) {
        ui.append(GW.s('rect', { x: o.x, y: o.y, width: o.w, height: o.h, class: 'gw-draft' }));
      } else if (o) {
        const xs = [o.x, o.x + o.w / 2, o.x + o.w], ys = [o.y, o.y + o.h / 2, o.y + o.h];
        ui.append(GW.s('rect', { x: o.x, y: o.y, width: o.w, height: o.h, class: 'gw-sel-outline' }));
        const pos = { nw: [0, 0], n: [1, 0], ne: [2, 0], e: [2, 1], se: [2, 2], s: [1, 2], sw: [0, 2], w: [0, 1] };
        for (const hname of HANDLES) {
          const [i, j] = pos[hname];
          ui.append(this.handle(xs[i], ys[j], { 'data-handle': hname, class: 'gw-handle gw-h-' + hname }));
        }
      }
      for (const p of this.extremePts) ui.append(GW.s('circle', { cx: p.x, cy: p.y, r: this.px(4), class: 'gw-point-draft' }));
    }
    renderPanel() {
      const o = this.selected;
      this.panelEl.replaceChildren();
      if (!o || !this.attrNames.length) return;
      const fs = GW.h('fieldset', { class: 'gw-attrs' }, GW.h('legend', null, 'Attributes of box ' + (this.indexOf(o.id) + 1)));
      for (const n of this.attrNames) {
        const cb = GW.h('input', { type: 'checkbox', checked: !!(o.attrs && o.attrs[n]) });
        cb.addEventListener('change', () => {
          o.attrs = Object.assign({}, o.attrs, { [n]: cb.checked });
          this.commit((cb.checked ? 'Marked ' : 'Unmarked ') + n + ': ' + this.describe(o, this.indexOf(o.id) + 1));
        });
        fs.append(GW.h('label', { class: 'gw-check' }, cb, GW.h('span', null, n)));
      }
      this.panelEl.append(fs);
    }
    newBox(x1, y1, x2, y2) {
      return { label: this.activeLabel, x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1), attrs: {} };
    }
    down(e, p) {
      const c = this.canvas.clampPoint(p);
      this.showReadout(c);
      if (this.extreme.checked) {
        this.gesture = { kind: 'extreme' };
        return;
      }
      const handle = e.target.getAttribute && e.target.getAttribute('data-handle');
      const sel = this.selected;
      if (handle && sel) {
        this.gesture = { kind: 'resize', handle, o: sel, start: { x: sel.x, y: sel.y, w: sel.w, h: sel.h } };
        return;
      }
      const hitId = Number(e.target.getAttribute && e.target.getAttribute('data-id'));
      if (sel && hitId === sel.id) {
        this.gesture = { kind: 'move', o: sel, p0: p, start: { x: sel.x, y: sel.y }, moved: false, sx: e.clientX, sy: e.clientY };
        return;
      }
      // Empty image or an unselected box: a drag draws, a click selects.
      this.gesture = { kind: 'draw', p0: c, sx: e.clientX, sy: e.clientY, hitId: hitId || null, drew: false };
    }
    move(e, p) {
      const g = this.gesture;
      const c = this.canvas.clampPoint(p);
      this.showReadout(c);
      if (!g) return;
      if (g.kind === 'draw') {
        if (!g.drew && Math.hypot(e.clientX - g.sx, e.clientY - g.sy) < MIN_DRAG) return;
        g.drew = true;
        this.draft = this.newBox(g.p0.x, g.p0.y, c.x, c.y);
        this.renderUI();
        this.showReadout(c);
      } else if (g.kind === 'move') {
        if (!g.moved && Math.hypot(e.clientX - g.sx, e.clientY - g.sy) < 1) return;
        g.moved = true;
        const o = g.o;
        o.x = GW.clamp(g.start.x + p.x - g.p0.x, 0, this.W - o.w);
        o.y = GW.clamp(g.start.y + p.y - g.p0.y, 0, this.H - o.h);
        this.renderOne(o);
      } else if (g.kind === 'resize') {
        const o = g.o, s = g.start, hn = g.handle;
        let x1 = s.x, y1 = s.y, x2 = s.x + s.w, y2 = s.y + s.h;
        if (hn.includes('w')) x1 = c.x;
        if (hn.includes('e')) x2 = c.x;
        if (hn.includes('n')) y1 = c.y;
        if (hn.includes('s')) y2 = c.y;
        Object.assign(o, { x: Math.min(x1, x2), y: Math.min(y1, y2), w: Math.abs(x2 - x1), h: Math.abs(y2 - y1) });
        g.changed = true;
        this.renderOne(o);
      }
    }
    up(e, p) {
      const g = this.gesture;
      this.gesture = null;
      if (!g) return;
      const c = this.canvas.clampPoint(p);
      if (g.kind === 'extreme') {
        this.extremePts.push(c);
        if (this.extremePts.length < 4) {
          this.announcer.say('Point ' + this.extremePts.length + ' of 4');
          this.renderUI();
          return;
        }
        const xs = this.extremePts.map((q) => q.x), ys = this.extremePts.map((q) => q.y);
        this.extremePts = [];
        const b = this.newBox(Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys));
        if (b.w * this.canvas.scale() < MIN_DRAG || b.h * this.canvas.scale() < MIN_DRAG) {
          this.announcer.say('Box too small, discarded');
          this.renderUI();
          return;
        }
        this.add(b);
        this.commit('Added ' + this.describe(b, this.objects.length));
      } else if (g.kind === 'draw') {
        const d = this.draft;
        this.draft = null;
        if (!g.drew || !d || d.w * this.canvas.scale() < MIN_DRAG || d.h * this.canvas.scale() < MIN_DRAG) {
          if (g.hitId) this.select(g.hitId);
          else if (this.selectedId !== null) this.select(null, true);
          else this.renderUI();
          return;
        }
        this.add(d);
        this.commit('Added ' + this.describe(d, this.objects.length));
      } else if (g.kind === 'move') {
        if (g.moved) this.commit('Moved ' + this.describe(g.o, this.indexOf(g.o.id) + 1));
      } else if (g.kind === 'resize') {
        if (g.changed) this.commit('Resized ' + this.describe(g.o, this.indexOf(g.o.id) + 1));
      }
    }
    cancel() {
      const g = this.gesture;
      this.gesture = null;
      this.draft = null;
      if (g && (g.kind === 'move' || g.kind === 'resize')) {
        Object.assign(g.o, g.start);
        this.renderAll();
      } else this.renderUI();
    }
    cancelDraft() {
      this.draft = null;
      this.extremePts = [];
      this.gesture = null;
    }
    keyDown(e) {
      if (e.key === 'Escape' && (this.draft || this.extremePts.length || this.gesture)) {
        this.cancel();
        this.extremePts = [];
        this.renderUI();
        this.announcer.say('Drawing cancelled');
        return true;
      }
      if ((e.key === 'x' || e.key === 'X') && !e.ctrlKey && !e.metaKey && !e.altKey) { this.setExtreme(!this.extreme.checked); return true; }
      if ((e.key === 'n' || e.key === 'N') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        const vb = this.canvas.vb;
        const w = Math.min(vb.w, this.W) / 5, h = Math.min(vb.h, this.H) / 5;
        const cx = GW.clamp(vb.x + vb.w / 2, w / 2, this.W - w / 2), cy = GW.clamp(vb.y + vb.h / 2, h / 2, this.H - h / 2);
        const b = this.add(this.newBox(cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2));
        this.commit('Added ' + this.describe(b, this.objects.length));
        return true;
      }
      const d = this.arrow(e);
      const o = this.selected;
      if (d && o && !e.ctrlKey && !e.metaKey) {
        if (e.altKey) {
          o.w = GW.clamp(o.w + d[0], 1, this.W - o.x);
          o.h = GW.clamp(o.h + d[1], 1, this.H - o.y);
          this.commit('Resized ' + this.describe(o, this.indexOf(o.id) + 1));
        } else {
          o.x = GW.clamp(o.x + d[0], 0, this.W - o.w);
          o.y = GW.clamp(o.y + d[1], 0, this.H - o.h);
          this.commit('Moved ' + this.describe(o, this.indexOf(o.id) + 1));
        }
        return true;
      }
      return false;
    }
  }

  GW.Boxes = Boxes;
  GW.register('boxes', (el) => new Boxes(el));
})();
