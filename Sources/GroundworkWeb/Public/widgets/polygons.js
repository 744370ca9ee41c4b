/* Groundwork polygons widget: data-kind="polygons". Answer: [{label, points: [[x, y], …]}]. */
(function () {
  'use strict';
  const GW = window.GW;
  const SNAP = 7; // screen pixels: a new vertex this close to an existing one lands on it (shared borders)

  class Polygons extends GW.ShapeEditor {
    constructor(container) {
      super(container, {
        init: (self) => {
          self.draftPts = null; // vertices of the polygon being drawn
          self.gesture = null;
          self.activeVertex = null; // index of the selected vertex of the selected polygon
          self.rubber = null;
        },
        noun: 'polygon',
        ariaLabel: 'Image to outline with polygons. Click to place vertices, Enter closes the polygon, Backspace removes the last vertex, Escape cancels; Tab goes to the next polygon.',
        hint: 'Click to place vertices; Enter or a click on the first vertex closes the polygon.',
        shortcuts: [
          ['Click', 'place a vertex (it snaps to a nearby vertex of another polygon)'],
          ['Enter / click the first vertex', 'close the polygon (3 vertices at least)'],
          ['Backspace', 'remove the last vertex while drawing'],
          ['C, then \u2190 \u2191 \u2192 \u2193 and Space', 'keyboard crosshair: move it (Shift: 10 px), place a vertex'],
          ['Esc', 'cancel the polygon being drawn, then clear the selection'],
          ['Drag a vertex', 'move it (selected polygon)'],
          ['Click an edge', 'insert a vertex there (selected polygon)'],
          ['Drag inside the selected polygon', 'move it'],
          ['\u2190 \u2191 \u2192 \u2193', 'move the selected vertex, or the polygon, 1 px (Shift: 10 px)'],
          ['1\u20139', 'label of the selected polygon (or of the next one)'],
          ['Tab / Shift+Tab', 'next / previous polygon'],
          ['Delete', 'delete the selected vertex, or the selected polygon'],
          ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
          ['+ / \u2212 / 0, Ctrl+wheel', 'zoom in / out / fit'],
          ['Space+drag, middle drag, two fingers', 'pan'],
        ],
      });
    }
    fromAnswer(list) {
      return list.filter((p) => p && Array.isArray(p.points)).map((p) => ({ label: p.label, points: p.points.map((q) => [q[0], q[1]]) }));
    }
    toAnswer(objs) {
      return objs.map((o) => ({ label: o.label, points: o.points.map((q) => [GW.round(q[0]), GW.round(q[1])]) }));
    }
    describe(o, n) {
      const xs = o.points.map((q) => q[0]), ys = o.points.map((q) => q[1]);
      return `Polygon ${n} ${o.label}, ${o.points.length} vertices, from x ${GW.fmt(Math.min(...xs))} y ${GW.fmt(Math.min(...ys))} to x ${GW.fmt(Math.max(...xs))} y ${GW.fmt(Math.max(...ys))}`;
    }
    readoutOf(o) {
      if (this.activeVertex !== null && o.points[this.activeVertex]) {
        const q = o.points[this.activeVertex];
        return `vertex ${this.activeVertex + 1} x ${GW.fmt(q[0])} y ${GW.fmt(q[1])}`;
      }
      return `${o.points.length} vertices`;
    }
    draftReadout() { return this.draftPts ? `drawing: ${this.draftPts.length} vertices` : ''; }
    renderScaleKey() { return '@' + this.canvas.scale().toFixed(3); }
    renderObject(o, g) {
      const color = GW.colorFor(this.labels, o.label);
      const pts = o.points.map((q) => q.join(',')).join(' ');
      g.append(GW.s('polygon', { points: pts, class: 'gw-halo' }),
        GW.s('polygon', { points: pts, class: 'gw-shape', stroke: color, fill: color, 'data-id': o.id }));
      const top = o.points.reduce((a, q) => (q[1] < a[1] ? q : a), o.points[0]);
      const fs = this.px(12);
      g.append(GW.s('text', { x: top[0], y: Math.max(fs, top[1] - this.px(4)), class: 'gw-tag', 'font-size': fs }, o.label));
    }
    renderUI() {
      const ui = this.canvas.ui;
      ui.replaceChildren();
      const r = this.px(5);
      if (this.draftPts) {
        const d = this.draftPts;
        if (d.length) ui.append(GW.s('polyline', { points: d.map((q) => q.join(',')).join(' '), class: 'gw-polyline-draft' }));
        if (d.length && this.rubber) {
          const last = d[d.length - 1];
          ui.append(GW.s('line', { x1: last[0], y1: last[1], x2: this.rubber.x, y2: this.rubber.y, class: 'gw-rubber' }));
        }
        d.forEach((q, i) => ui.append(GW.s('circle', { cx: q[0], cy: q[1], r, class: 'gw-vertex' + (i === 0 ? ' gw-first' : ''), 'data-draft': i })));
        return;
      }
      const o = this.selected;
      if (!o) return;
      const n = o.points.length;
      for (let i = 0; i < n; i++) {
        const a = o.points[i], b = o.points[(i + 1) % n];
        ui.append(GW.s('line', { x1: a[0], y1: a[1], x2: b[0], y2: b[1], class: 'gw-edge-hit', 'data-edge': i }));
      }
      o.points.forEach((q, i) => ui.append(GW.s('circle', {
        cx: q[0], cy: q[1], r: i === this.activeVertex ? r * 1.3 : r, class: 'gw-vertex' + (i === this.activeVertex ? ' gw-active' : ''), 'data-vertex': i })));
    }
    select(id, quiet) {
      if (id !== this.selectedId) this.activeVertex = null;
      super.select(id, quiet);
    }
    snap(p) {
      const tol = this.px(SNAP);
      let best = null, bd = tol;
      for (const o of this.objects) for (const q of o.points) {
        const dd = Math.hypot(q[0] - p.x, q[1] - p.y);
        if (dd <= bd) { bd = dd; best = q; }
      }
      return best ? { x: best[0], y: best[1] } : p;
    }
    down(e, p) {
      const c = this.canvas.clampPoint(p);
      this.showReadout(c);
      const t = e.target;
      const attr = (n) => (t.getAttribute ? t.getAttribute(n) : null);
      if (this.draftPts) {
        this.gesture = { kind: 'place', sx: e.clientX, sy: e.clientY, first: attr('data-draft') === '0' };
        return;
      }
      const o = this.selected;
      if (o && attr('data-vertex') !== null) {
        const i = Number(attr('data-vertex'));
        this.activeVertex = i;
        this.gesture = { kind: 'vertex', o, i, start: o.points[i].slice(), moved: false };
        this.renderUI();
        return;
      }
      if (o && attr('data-edge') !== null) {
        const i = Number(attr('data-edge'));
        o.points.splice(i + 1, 0, [c.x, c.y]);
        this.activeVertex = i + 1;
        this.gesture = { kind: 'vertex', o, i: i + 1, start: [c.x, c.y], moved: true, inserted: true };
        this.renderOne(o);
        return;
      }
      const hit = Number(attr('data-id'));
      if (o && hit === o.id) {
        this.gesture = { kind: 'move', o, p0: p, start: o.points.map((q) => q.slice()), moved: false, sx: e.clientX, sy: e.clientY };
        return;
      }
      this.gesture = { kind: 'click', hit: hit || null, sx: e.clientX, sy: e.clientY };
    }
    move(e, p) {
      const c = this.canvas.clampPoint(p);
      this.showReadout(c);
      const g = this.gesture;
      if (this.draftPts && !g) {
        this.rubber = c;
        this.renderUI();
        return;
      }
      if (!g) return;
      if (g.kind === 'vertex') {
        const s = e.shiftKey ? c : c;
        g.o.points[g.i] = [s.x, s.y];
        g.moved = true;
        this.renderOne(g.o);
      } else if (g.kind === 'move') {
        if (!g.moved && Math.hypot(e.clientX - g.sx, e.clientY - g.sy) < 2) return;
        g.moved = true;
        const xs = g.start.map((q) => q[0]), ys = g.start.map((q) => q[1]);
        const dx = GW.clamp(p.x - g.p0.x, -Math.min(...xs), this.W - Math.max(...xs));
        const dy = GW.clamp(p.y - g.p0.y, -Math.min(...ys), this.H - Math.max(...ys));
        g.o.points = g.start.map((q) => [q[0] + dx, q[1] + dy]);
        this.renderOne(g.o);
      } else if (g.kind === 'place' || g.kind === 'click') {
        this.rubber = c;
        if (this.draftPts) this.renderUI();
      }
    }
    hover(e, p) {
      super.hover(e, p);
      if (this.draftPts) { this.rubber = this.canvas.clampPoint(p); this.renderUI(); }
    }
    up(e, p) {
      const g = this.gesture;
      this.gesture = null;
      if (!g) return;
      const c = this.snap(this.canvas.clampPoint(p));
      const click = g.sx !== undefined && Math.hypot(e.clientX - g.sx, e.clientY - g.sy) < 6;
      if (g.kind === 'place') {
        if (!click) return;
        if (g.first && this.draftPts.length >= 3) return this.close();
        this.draftPts.push([c.x, c.y]);
        this.renderUI();
        this.showReadout(c);
        this.announcer.say('Vertex ' + this.draftPts.length + ' at x ' + GW.fmt(c.x) + ' y ' + GW.fmt(c.y));
      } else if (g.kind === 'click') {
        if (!click) return;
        if (g.hit) return this.select(g.hit);
        // Start a new polygon on empty image (or on another polygon: shapes may share borders).
        this.selectedId = null;
        this.activeVertex = null;
        this.draftPts = [[c.x, c.y]];
        this.rubber = c;
        this.renderAll();
        this.announcer.say('New polygon: vertex 1 at x ' + GW.fmt(c.x) + ' y ' + GW.fmt(c.y) + '. Enter closes.');
      } else if (g.kind === 'vertex') {
        if (g.moved) {
          const q = this.snapOther(g.o, g.o.points[g.i]);
          g.o.points[g.i] = q;
          this.commit((g.inserted ? 'Inserted vertex ' : 'Moved vertex ') + (g.i + 1) + ' of ' + this.describe(g.o, this.indexOf(g.o.id) + 1));
        } else this.renderAll();
      } else if (g.kind === 'move') {
        if (g.moved) this.commit('Moved ' + this.describe(g.o, this.indexOf(g.o.id) + 1));
        else { this.activeVertex = null; this.renderAll(); }
      }
    }
    // The keyboard crosshair places a vertex as a click would (starting a polygon if none is open).
    placeAtCursor(c) {
      if (this.draftPts) {
        this.draftPts.push([c.x, c.y]);
        this.renderUI();
        this.announcer.say('Vertex ' + this.draftPts.length + ' at x ' + GW.fmt(c.x) + ' y ' + GW.fmt(c.y));
        return;
      }
      this.selectedId = null;
      this.activeVertex = null;
      this.draftPts = [[c.x, c.y]];
      this.rubber = c;
      this.renderAll();
      this.announcer.say('New polygon: vertex 1 at x ' + GW.fmt(c.x) + ' y ' + GW.fmt(c.y) + '. Enter closes.');
    }
    snapOther(o, q) {
      const tol = this.px(SNAP);
      for (const other of this.objects) if (other !== o) for (const r of other.points) {
        if (Math.hypot(r[0] - q[0], r[1] - q[1]) <= tol) return r.slice();
      }
      return q;
    }
    cancel() {
      const g = this.gesture;
      this.gesture = null;
      if (g && g.kind === 'vertex') {
        if (g.inserted) g.o.points.splice(g.i, 1); else g.o.points[g.i] = g.start;
        this.renderAll();
      } else if (g && g.kind === 'move') {
        g.o.points = g.start;
        this.renderAll();
      }
    }
    cancelDraft() {
      this.draftPts = null;
      this.rubber = null;
      this.gesture = null;
    }
    close() {
      const d = this.draftPts;
      if (!d || d.length < 3) {
        this.announcer.say('A polygon needs at least 3 vertices');
        return;
      }
      this.draftPts = null;
      this.rubber = null;
      const o = this.add({ label: this.activeLabel, points: d });
      this.commit('Added ' + this.describe(o, this.objects.length));
    }
    undo() {
      if (this.draftPts) { // while drawing, undo takes back the last vertex
        this.dropLast();
        return;
      }
      super.undo();
    }
    dropLast() {
      this.draftPts.pop();
      if (!this.draftPts.length) {
        this.draftPts = null;
        this.announcer.say('Polygon cancelled');
      } else this.announcer.say('Removed vertex ' + (this.draftPts.length + 1));
      this.renderAll();
    }
    deleteSelected() {
      const o = this.selected;
      if (o && this.activeVertex !== null && o.points.length > 3) {
        const i = this.activeVertex;
        o.points.splice(i, 1);
        this.activeVertex = null;
        this.commit('Deleted vertex ' + (i + 1) + ' of ' + this.describe(o, this.indexOf(o.id) + 1));
        return;
      }
      super.deleteSelected();
    }
    keyDown(e) {
      if (this.draftPts) {
        if (e.key === 'Enter') { this.close(); return true; }
        if (e.key === 'Backspace') { this.dropLast(); return true; }
        if (e.key === 'Escape') {
          this.cancelDraft();
          this.renderAll();
          this.announcer.say('Polygon cancelled');
          return true;
        }
        if (e.key === 'Tab') return true; // stay while drawing
      }
      if (e.key === 'Escape' && this.activeVertex !== null) { this.activeVertex = null; this.renderAll(); return true; }
      const d = this.arrow(e);
      const o = this.selected;
      if (d && o && !e.ctrlKey && !e.metaKey && !e.altKey) {
        if (this.activeVertex !== null) {
          const q = o.points[this.activeVertex];
          o.points[this.activeVertex] = [GW.clamp(q[0] + d[0], 0, this.W), GW.clamp(q[1] + d[1], 0, this.H)];
          this.commit('Moved vertex ' + (this.activeVertex + 1) + ' of ' + this.describe(o, this.indexOf(o.id) + 1));
        } else {
          const xs = o.points.map((q) => q[0]), ys = o.points.map((q) => q[1]);
          const dx = GW.clamp(d[0], -Math.min(...xs), this.W - Math.max(...xs));
          const dy = GW.clamp(d[1], -Math.min(...ys), this.H - Math.max(...ys));
          o.points = o.points.map((q) => [q[0] + dx, q[1] + dy]);
          this.commit('Moved ' + this.describe(o, this.indexOf(o.id) + 1));
        }
        return true;
      }
      return false;
    }
  }

  GW.Polygons = Polygons;
  GW.register('polygons', (el) => new Polygons(el));
})();
