/* Groundwork keypoints widget: data-kind="keypoints".
 * Answer: [{label, points: {name: [x, y, v]}}], v = 2 visible, 1 occluded, 0 not in the image (then 0, 0). */
(function () {
  'use strict';
  const GW = window.GW;
  const VIS = { 2: 'visible', 1: 'occluded', 0: 'not in image' };
  const NEXT_VIS = { 2: 1, 1: 0, 0: 2 };

  class Keypoints extends GW.ShapeEditor {
    constructor(container) {
      const task = GW.readJSON(container, 'data-task', {});
      const names = (task.keypoints || []).map((k) => (typeof k === 'string' ? k : k.name));
      const newBtn = GW.button('New object', null, { title: 'Start another object (N)' });
      const skipBtn = GW.button('Not in image', null, { title: 'Mark the point to place as not in the image (S)' });
      super(container, {
        init: (self) => {
          self.names = names;
          self.skeleton = Array.isArray(task.skeleton) ? task.skeleton : [];
          self.activePoint = null; // name of the selected point of the selected object
          self.placing = null; // name to place next in the selected object (null: first unplaced)
          self.gesture = null;
        },
        noun: 'object',
        ariaLabel: 'Image for keypoints. Click to place the named point shown below; V cycles the selected point between visible, occluded and not in the image; N starts a new object.',
        hint: '',
        tools: [newBtn, skipBtn],
        shortcuts: [
          ['Click', 'place the point named under the image, then the next one'],
          ['Drag a point', 'move it'],
          ['C, then \u2190 \u2191 \u2192 \u2193 and Space', 'keyboard crosshair: move it (Shift: 10 px), place the next point'],
          ['V', 'selected point: visible \u2192 occluded \u2192 not in image'],
          ['S', 'mark the point to place as not in the image and go on'],
          ['N', 'new object'],
          ['\u2190 \u2191 \u2192 \u2193', 'move the selected point 1 px (Shift: 10 px)'],
          ['Tab / Shift+Tab', 'next / previous object'],
          ['Delete', 'remove the selected point, or the selected object'],
          ['1\u20139', 'label of the selected object'],
          ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
          ['+ / \u2212 / 0, Ctrl+wheel', 'zoom in / out / fit'],
          ['Space+drag, middle drag, two fingers', 'pan'],
        ],
      });
      newBtn.addEventListener('click', () => this.newObject());
      skipBtn.addEventListener('click', () => this.skip());
      this.placeEl = GW.h('span', { class: 'gw-place', 'aria-live': 'polite' });
      this.status.replaceChildren(this.placeEl);
      this.renderAll();
    }
    // ----- model -----
    fromAnswer(list) {
      return list.filter((o) => o && o.points).map((o) => {
        const pts = {};
        for (const n of Object.keys(o.points)) {
          const q = o.points[n];
          pts[n] = [q[0], q[1], q.length > 2 ? q[2] : 2];
        }
        return { label: o.label, points: pts };
      });
    }
    toAnswer(objs) {
      return objs.map((o) => {
        const pts = {};
        for (const n of this.names.concat(Object.keys(o.points).filter((k) => !this.names.includes(k)))) {
          const q = o.points[n];
          if (!q) continue;
          pts[n] = q[2] === 0 ? [0, 0, 0] : [GW.round(q[0]), GW.round(q[1]), q[2]];
        }
        return { label: o.label, points: pts };
      });
    }
    nextName(o) {
      if (!o) return this.names[0] || null;
      if (this.placing && !o.points[this.placing]) return this.placing;
      return this.names.find((n) => !o.points[n]) || null;
    }
    describe(o, n) {
      const placed = this.names.filter((k) => o.points[k]).length;
      return `Object ${n} ${o.label}, ${placed} of ${this.names.length} points`;
    }
    readoutOf(o) {
      const q = this.activePoint && o.points[this.activePoint];
      return q ? `${this.activePoint} x ${GW.fmt(q[0])} y ${GW.fmt(q[1])} ${VIS[q[2]]}` : '';
    }
    renderScaleKey() { return '@' + this.canvas.scale().toFixed(3) + (this.activePoint || ''); }
    renderObject(o, g) {
      const color = GW.colorFor(this.labels, o.label);
      const sel = o.id === this.selectedId;
      for (const [a, b] of this.skeleton) {
        const p = o.points[a], q = o.points[b];
        if (p && q && p[2] > 0 && q[2] > 0) {
          g.append(GW.s('line', { x1: p[0], y1: p[1], x2: q[0], y2: q[1], class: 'gw-halo' }),
            GW.s('line', { x1: p[0], y1: p[1], x2: q[0], y2: q[1], class: 'gw-bone', stroke: color }));
        }
      }
      const r = this.px(sel ? 5.5 : 4.5);
      const fs = this.px(11);
      for (const n of Object.keys(o.points)) {
        const q = o.points[n];
        if (q[2] === 0) continue;
        const active = sel && n === this.activePoint;
        g.append(GW.s('circle', {
          cx: q[0], cy: q[1], r: active ? r * 1.4 : r, fill: color,
          class: 'gw-kp' + (q[2] === 1 ? ' gw-occluded' : '') + (active ? ' gw-active' : ''),
          'data-id': o.id, 'data-point': n,
        }));
        if (sel) g.append(GW.s('text', { x: q[0] + r * 1.5, y: q[1] - r * 0.6, class: 'gw-kp-name', 'font-size': fs }, n + (q[2] === 1 ? ' (occluded)' : '')));
      }
    }
    renderUI() {
      const ui = this.canvas.ui;
      ui.replaceChildren();
      const o = this.selected;
      const q = o && this.activePoint && o.points[this.activePoint];
      if (q && q[2] > 0) ui.append(GW.s('circle', { cx: q[0], cy: q[1], r: this.px(11), class: 'gw-kp-ring' }));
    }
    renderPanel() {
      const o = this.selected;
      const next = this.nextName(o);
      if (this.placeEl) {
        this.placeEl.textContent = !this.names.length ? 'This task names no keypoints.'
          : next ? 'Place: ' + next + (o ? ' (object ' + (this.indexOf(o.id) + 1) + ')' : '')
            : 'All points placed. Drag to adjust, or start a new object.';
      }
      this.panelEl.replaceChildren();
      if (!o) return;
      const ul = GW.h('ul', { class: 'gw-kp-list', 'aria-label': 'Points of object ' + (this.indexOf(o.id) + 1) });
      for (const n of this.names) {
        const q = o.points[n];
        const pick = GW.button(n, () => {
          this.placing = n;
          this.activePoint = q ? n : null;
          this.renderAll();
          this.announcer.say(q ? 'Selected ' + n + ', ' + VIS[q[2]] + '. Click to move it.' : 'Place: ' + n);
          this.svg.focus();
        }, { class: 'gw-objbtn', 'aria-pressed': String(n === this.activePoint) });
        const vis = GW.h('select', { 'aria-label': 'Visibility of ' + n });
        vis.append(GW.h('option', { value: '' }, 'not placed'));
        for (const v of [2, 1, 0]) vis.append(GW.h('option', { value: String(v) }, VIS[v]));
        vis.value = q ? String(q[2]) : '';
        vis.addEventListener('change', () => {
          if (vis.value === '') delete o.points[n];
          else if (q) q[2] = Number(vis.value);
          else o.points[n] = [0, 0, Number(vis.value)];
          this.commit(n + ': ' + (vis.value === '' ? 'removed' : VIS[vis.value]));
        });
        ul.append(GW.h('li', { class: n === next ? 'gw-next' : '' }, pick, vis));
      }
      this.panelEl.append(GW.h('h4', { class: 'gw-list-title' }, 'Points of object ' + (this.indexOf(o.id) + 1)), ul);
    }
    select(id, quiet) {
      if (id !== this.selectedId) { this.activePoint = null; this.placing = null; }
      super.select(id, quiet);
    }
    newObject() {
      const o = this.add({ label: this.activeLabel, points: {} });
      this.activePoint = null;
      this.placing = null;
      this.commit('New object ' + this.objects.length + '. Place: ' + this.nextName(o));
      this.svg.focus();
    }
    skip() {
      let o = this.selected;
      if (!o) { this.newObject(); o = this.selected; }
      const n = this.nextName(o);
      if (!n) return;
      o.points[n] = [0, 0, 0];
      this.placing = null;
      this.commit(n + ' not in image. ' + (this.nextName(o) ? 'Place: ' + this.nextName(o) : 'All points placed'));
    }
    // ----- pointer -----
    down(e, p) {
      const c = this.canvas.clampPoint(p);
      this.showReadout(c);
      const t = e.target;
      const name = t.getAttribute && t.getAttribute('data-point');
      if (name) {
        const id = Number(t.getAttribute('data-id'));
        if (id !== this.selectedId) { this.selectedId = id; this.placing = null; }
        const o = this.selected;
        this.activePoint = name;
        this.gesture = { kind: 'drag', o, name, start: o.points[name].slice(), moved: false, sx: e.clientX, sy: e.clientY };
        this.renderAll();
        return;
      }
      this.gesture = { kind: 'place', sx: e.clientX, sy: e.clientY };
    }
    move(e, p) {
      const c = this.canvas.clampPoint(p);
      this.showReadout(c);
      const g = this.gesture;
      if (!g || g.kind !== 'drag') return;
      if (!g.moved && Math.hypot(e.clientX - g.sx, e.clientY - g.sy) < 2) return;
      g.moved = true;
      g.o.points[g.name] = [c.x, c.y, g.start[2]];
      this.renderOne(g.o);
    }
    up(e, p) {
      const g = this.gesture;
      this.gesture = null;
      if (!g) return;
      const c = this.canvas.clampPoint(p);
      if (g.kind === 'drag') {
        if (g.moved) this.commit('Moved ' + g.name + ' to x ' + GW.fmt(c.x) + ' y ' + GW.fmt(c.y));
        else this.announcer.say('Selected ' + g.name + ', ' + VIS[g.start[2]]);
        return;
      }
      if (Math.hypot(e.clientX - g.sx, e.clientY - g.sy) > 8) return; // a drag on empty image does nothing
      this.place(c);
    }
    place(c) {
      let o = this.selected;
      if (!o || !this.nextName(o)) {
        if (o && !this.nextName(o)) { this.select(null, true); return; }
        o = this.add({ label: this.activeLabel, points: {} });
      }
      const n = this.nextName(o);
      if (!n) return;
      const old = o.points[n];
      o.points[n] = [c.x, c.y, old && old[2] ? old[2] : 2];
      this.activePoint = n;
      this.placing = null;
      const next = this.nextName(o);
      this.commit('Placed ' + n + ' at x ' + GW.fmt(c.x) + ' y ' + GW.fmt(c.y) + '. ' + (next ? 'Place: ' + next : 'All points placed.'));
    }
    // The keyboard crosshair places the next point as a click would.
    placeAtCursor(c) { this.place(c); }
    cancel() {
      const g = this.gesture;
      this.gesture = null;
      if (g && g.kind === 'drag') { g.o.points[g.name] = g.start; this.renderAll(); }
    }
    cancelDraft() { this.gesture = null; if (this.activePoint && !(this.selected && this.selected.points[this.activePoint])) this.activePoint = null; }
    deleteSelected() {
      const o = this.selected;
      if (o && this.activePoint && o.points[this.activePoint]) {
        const n = this.activePoint;
        delete o.points[n];
        this.activePoint = null;
        this.placing = n;
        this.commit('Removed ' + n + '. Place: ' + n);
        return;
      }
      super.deleteSelected();
    }
    keyDown(e) {
      if (e.ctrlKey || e.metaKey) return false;
      const o = this.selected;
      const k = e.key.toLowerCase();
      if (k === 'n' && !e.altKey) { this.newObject(); return true; }
      if (k === 's' && !e.altKey) { this.skip(); return true; }
      if (k === 'v' && !e.altKey) {
        const q = o && this.activePoint && o.points[this.activePoint];
        if (!q) { this.announcer.say('Select a point first'); return true; }
        q[2] = NEXT_VIS[q[2]];
        this.commit(this.activePoint + ': ' + VIS[q[2]]);
        return true;
      }
      if (e.key === 'Escape' && this.activePoint) { this.activePoint = null; this.renderAll(); return true; }
      const d = this.arrow(e);
      if (d && o && this.activePoint && o.points[this.activePoint] && !e.altKey) {
        const q = o.points[this.activePoint];
        o.points[this.activePoint] = [GW.clamp(q[0] + d[0], 0, this.W), GW.clamp(q[1] + d[1], 0, this.H), q[2]];
        this.commit('Moved ' + this.activePoint + ' to x ' + GW.fmt(q[0] + d[0]) + ' y ' + GW.fmt(q[1] + d[1]));
        return true;
      }
      return false;
    }
  }

  GW.Keypoints = Keypoints;
  GW.register('keypoints', (el) => new Keypoints(el));
})();
