/* Groundwork feedback overlays: `.gw-overlay[data-kind]` with data-task, data-media, data-response,
 * data-gold (null when the review policy hides gold) and data-details (the grader's match details).
 * The learner's work is solid blue, gold is dashed vermillion (colour and dash). A server-rendered
 * `ol.gw-overlay-list` (inside the overlay, or `data-list="id"`, or the overlay's parent) with rows
 * `li[data-pair]`, `li[data-missed]`, `li[data-extra]` is linked both ways on hover and focus. */
(function () {
  'use strict';
  const GW = window.GW;
  const MINUS = '\u2212';
  const num = (v, d) => (v < 0 ? MINUS : '') + Math.abs(v).toFixed(d);
  const signed = (v, d) => (v > 0 ? '+' : v < 0 ? MINUS : '\u00b1') + Math.abs(v).toFixed(d);

  class Overlay {
    constructor(container) {
      this.c = container;
      this.kind = container.getAttribute('data-kind');
      this.task = GW.readJSON(container, 'data-task', {});
      this.media = container.getAttribute('data-media') || '';
      this.response = GW.readJSON(container, 'data-response', null);
      this.gold = GW.readJSON(container, 'data-gold', null);
      this.hasGold = this.gold !== null && this.gold !== undefined;
      this.details = GW.readJSON(container, 'data-details', {}) || {};
      this.items = new Map(); // key -> elements
      const listId = container.getAttribute('data-list');
      this.list = (listId && document.getElementById(listId)) || container.querySelector('.gw-overlay-list') ||
        (container.parentElement && container.parentElement.querySelector('.gw-overlay-list'));
      for (const ns of container.querySelectorAll('noscript')) ns.remove();
      this.host = GW.h('div', { class: 'gw-ov-host' });
      if (this.hasGold) container.append(this.toggle());
      container.append(this.host);
      container.gwOverlay = this;
    }
    toggle() {
      const name = GW.uid('gw-show');
      const fs = GW.h('fieldset', { class: 'gw-ov-toggle' }, GW.h('legend', null, 'Show'));
      for (const [v, text] of [['mine', 'Mine'], ['gold', 'Gold'], ['both', 'Both']]) {
        const r = GW.h('input', { type: 'radio', name, value: v, checked: v === 'both' });
        r.addEventListener('change', () => this.show(v));
        fs.append(GW.h('label', null, r, GW.h('span', null, text)));
      }
      return fs;
    }
    show(v) {
      this.c.classList.toggle('gw-hide-gold', v === 'mine');
      this.c.classList.toggle('gw-hide-mine', v === 'gold');
      this.c.setAttribute('data-show', v);
    }
    // ----- roles of objects -----
    roles() {
      const d = this.details;
      const ans = {}, gold = {};
      (d.pairs || []).forEach((p, k) => { ans[p.answer] = 'pair:' + k; gold[p.gold] = 'pair:' + k; });
      (d.missed || []).forEach((g) => (gold[g] = 'missed:' + g));
      (d.extra || []).forEach((a) => (ans[a] = 'extra:' + a));
      return { ans, gold };
    }
    // ----- linking with the side list -----
    track(key, el) {
      if (!key) return el;
      if (!this.items.has(key)) this.items.set(key, []);
      this.items.get(key).push(el);
      el.classList.add('gw-ov-item');
      el.setAttribute('data-key', key);
      el.addEventListener('pointerenter', () => this.highlight(key, true));
      el.addEventListener('pointerleave', () => this.highlight(key, false));
      el.addEventListener('click', () => {
        const li = this.row(key);
        if (li) { li.scrollIntoView({ block: 'nearest' }); li.focus({ preventScroll: true }); }
      });
      return el;
    }
    row(key) {
      if (!this.list) return null;
      const [k, v] = key.split(':');
      return this.list.querySelector(`li[data-${k}="${v}"]`);
    }
    highlight(key, on) {
      for (const el of this.items.get(key) || []) el.classList.toggle('gw-hl', on);
      const li = this.row(key);
      if (li) li.classList.toggle('gw-hl', on);
    }
    linkList() {
      if (!this.list) return;
      for (const li of this.list.querySelectorAll('li[data-pair], li[data-missed], li[data-extra]')) {
        const k = ['pair', 'missed', 'extra'].find((n) => li.hasAttribute('data-' + n));
        const key = k + ':' + li.getAttribute('data-' + k);
        if (!li.hasAttribute('tabindex') && !li.querySelector('a, button')) li.setAttribute('tabindex', '0');
        li.addEventListener('pointerenter', () => this.highlight(key, true));
        li.addEventListener('pointerleave', () => this.highlight(key, false));
        li.addEventListener('focusin', () => this.highlight(key, true));
        li.addEventListener('focusout', () => this.highlight(key, false));
      }
    }
    legend(extra) {
      const sw = (cls) => GW.s('svg', { width: 28, height: 12, 'aria-hidden': 'true' }, GW.s('line', { x1: 1, y1: 6, x2: 27, y2: 6, class: cls }));
      return GW.h('div', { class: 'gw-legend' },
        GW.h('span', null, sw('gw-ov-mine'), ' yours (solid)'),
        this.hasGold ? GW.h('span', { class: 'gw-gold' }, sw('gw-ov-gold'), ' gold (dashed)') : GW.h('span', null, 'Gold answers are hidden for this test.'),
        extra || []);
    }
    summary(text) { if (text) this.host.append(GW.h('p', { class: 'gw-ov-summary' }, text)); }
  }

  // ---------- images: boxes, polygons, keypoints ----------
  class ImageOverlay extends Overlay {
    constructor(c) {
      super(c);
      this.W = Number(this.task.width) || 640;
      this.H = Number(this.task.height) || 480;
      this.canvas = new GW.ImageCanvas({
        width: this.W, height: this.H, media: this.media, interactive: false, focusable: false,
        ariaLabel: 'Your answer drawn over the image with the grader\u2019s comparison; the list describes each object.',
        onview: () => this.draw(),
      });
      const zoom = GW.h('span', { class: 'gw-zoombox' },
        GW.button(MINUS, () => this.canvas.zoomBy(0.8), { class: 'gw-btn gw-btn-icon', 'aria-label': 'Zoom out' }),
        GW.button('+', () => this.canvas.zoomBy(1.25), { class: 'gw-btn gw-btn-icon', 'aria-label': 'Zoom in' }),
        GW.button('Fit', () => this.canvas.fit(), { 'aria-label': 'Fit the image' }));
      const extra = this.kind === 'polygons' && this.hasGold ? [
        GW.h('span', { class: 'gw-gold' }, this.swatch('gw-ov-missed-area', true), ' area you missed (hatched)'),
        GW.h('span', { class: 'gw-gold' }, this.swatch('gw-ov-added-area'), ' area you added')] : [];
      this.host.append(GW.h('div', { class: 'gw-toolbar' }, this.legend(extra), zoom), this.canvas.el);
      const missed = (this.details.missed || []).length;
      if (!this.hasGold && missed) this.summary(missed + (missed === 1 ? ' object was' : ' objects were') + ' not found in your answer.');
      this.draw();
      this.linkList();
    }
    swatch(cls, hatch) {
      const svg = GW.s('svg', { width: 18, height: 12, 'aria-hidden': 'true' }, GW.s('rect', { x: 0, y: 0, width: 18, height: 12, class: cls }));
      if (hatch) for (let x = -12; x < 18; x += 5) svg.append(GW.s('line', { x1: x, y1: 12, x2: x + 12, y2: 0, class: 'gw-ov-hatch' }));
      return svg;
    }
    px(n) { return n / this.canvas.scale(); }
    text(x, y, s, cls, anchor) {
      return GW.s('text', { x, y, class: 'gw-ov-text ' + (cls || ''), 'font-size': this.px(12), 'text-anchor': anchor || 'start' }, s);
    }
    draw() {
      this.items.clear();
      const L = this.canvas.layer;
      L.replaceChildren();
      this.defs = GW.s('defs');
      L.append(this.defs);
      const ans = Array.isArray(this.response) ? this.response : [];
      const gold = Array.isArray(this.gold) ? this.gold : [];
      const roles = this.roles();
      const groups = new Map();
      const group = (key) => {
        const k = key || GW.uid('solo');
        if (!groups.has(k)) { const g = GW.s('g'); groups.set(k, g); L.append(g); this.track(key, g); }
        return groups.get(k);
      };
      // gold first (underneath), then yours, then the annotations of each pair
      if (this.hasGold) gold.forEach((o, i) => group(roles.gold[i]).append(this.shape(o, 'gold')));
      ans.forEach((o, i) => group(roles.ans[i]).append(this.shape(o, 'mine')));
      (this.details.pairs || []).forEach((p, k) => this.annotatePair(group('pair:' + k), p, ans[p.answer], gold[p.gold]));
      (this.details.extra || []).forEach((a) => ans[a] && group('extra:' + a).append(this.tagAt(ans[a], 'extra: ' + ans[a].label, 'gw-mine gw-bad', this.kind === 'boxes')));
      if (this.hasGold) (this.details.missed || []).forEach((g) => gold[g] && group('missed:' + g).append(this.tagAt(gold[g], 'missed: ' + gold[g].label, 'gw-gold gw-bad', false)));
    }
    bbox(o) {
      if (this.kind === 'boxes') return { x: o.x, y: o.y, w: o.width, h: o.height };
      const pts = this.kind === 'polygons' ? o.points : Object.values(o.points || {}).filter((q) => !(q.length > 2 && q[2] === 0));
      if (!pts.length) return { x: 0, y: 0, w: 0, h: 0 };
      const xs = pts.map((q) => q[0]), ys = pts.map((q) => q[1]);
      return { x: Math.min(...xs), y: Math.min(...ys), w: Math.max(...xs) - Math.min(...xs), h: Math.max(...ys) - Math.min(...ys) };
    }
    tagAt(o, s, cls, above) {
      const b = this.bbox(o);
      const y = above ? Math.max(this.px(13), b.y - this.px(5)) : Math.min(this.H - this.px(4), b.y + b.h + this.px(15));
      return GW.s('g', { class: cls.includes('gw-gold') ? 'gw-gold' : 'gw-mine' }, this.text(b.x, y, s, cls));
    }
    // Yours solid (gw-mine) or gold dashed (gw-gold): the same shape in two styles.
    shape(o, who) {
      const g = GW.s('g', { class: 'gw-' + who });
      const cls = who === 'mine' ? 'gw-ov-mine' : 'gw-ov-gold';
      if (this.kind === 'boxes') {
        const r = { x: o.x, y: o.y, width: o.width, height: o.height };
        g.append(GW.s('rect', Object.assign({ class: 'gw-ov-halo' }, r)), GW.s('rect', Object.assign({ class: cls }, r)));
      } else if (this.kind === 'polygons') {
        const pts = o.points.map((q) => q.join(',')).join(' ');
        g.append(GW.s('polygon', { points: pts, class: 'gw-ov-halo' }), GW.s('polygon', { points: pts, class: cls }));
      } else if (who === 'mine') this.skeleton(g, o, 'gw-ov-bone-mine', 'gw-ov-kp-mine', 4);
      else this.skeleton(g, o, 'gw-ov-bone-gold', 'gw-ov-kp-gold', 4.5);
      return g;
    }
    skeleton(g, o, boneCls, ptCls, r) {
      const pts = o.points || {};
      const on = (q) => q && !(q.length > 2 && q[2] === 0);
      for (const [a, b] of this.task.skeleton || []) {
        if (on(pts[a]) && on(pts[b])) g.append(GW.s('line', { x1: pts[a][0], y1: pts[a][1], x2: pts[b][0], y2: pts[b][1], class: boneCls }));
      }
      for (const n of Object.keys(pts)) if (on(pts[n])) g.append(GW.s('circle', { cx: pts[n][0], cy: pts[n][1], r: this.px(r), class: ptCls }));
    }
    annotatePair(g, p, a, gd) {
      if (!a) return;
      const d = this.details;
      const measure = (d.measure || (this.kind === 'keypoints' ? 'oks' : 'iou')) === 'oks' ? 'OKS' : 'IoU';
      const thr = Number(d.threshold);
      const sim = Number(p.similarity);
      const cmp = sim + 1e-9 >= thr ? '\u2265' : '<';
      const parts = [measure + ' ' + sim.toFixed(2) + ' ' + cmp + ' ' + thr.toFixed(2)];
      if (p.labelMatches === false) parts.push(this.hasGold && gd ? a.label + ' \u2260 ' + gd.label : 'wrong label');
      const b = this.bbox(a);
      const fs = this.px(12);
      const y = b.y - this.px(6) < fs ? Math.min(this.H - this.px(4), b.y + b.h + fs + this.px(2)) : b.y - this.px(6);
      const cls = p.passes && p.labelMatches !== false ? 'gw-good' : 'gw-bad';
      g.append(GW.s('g', { class: 'gw-mine' }, this.text(Math.min(b.x, this.W - this.px(150)), y, parts.join(' \u00b7 '), cls)));
      if (this.kind === 'boxes' && p.edges && this.hasGold && gd) this.edgeDeltas(g, p.edges, a, gd);
      if (this.kind === 'polygons' && this.hasGold && gd) this.areaDiff(g, a, gd);
      if (this.kind === 'keypoints' && Array.isArray(p.points)) this.pointDeltas(g, p.points, a, this.hasGold ? gd : null);
    }
    edgeDeltas(g, e, a, gd) {
      const out = GW.s('g', { class: 'gw-gold' });
      const A = { l: a.x, t: a.y, r: a.x + a.width, b: a.y + a.height };
      const G = { l: gd.x, t: gd.y, r: gd.x + gd.width, b: gd.y + gd.height };
      const top = Math.min(A.t, G.t), bot = Math.max(A.b, G.b), lef = Math.min(A.l, G.l), rig = Math.max(A.r, G.r);
      const fs = this.px(12), gap = this.px(5);
      const show = (v) => Math.abs(v) >= 2; // smaller slips only clutter the picture; the list has them all
      const label = (name, v) => name + ' ' + signed(v, 0) + ' px';
      if (show(e.left)) {
        out.append(GW.s('rect', { x: Math.min(A.l, G.l), y: top, width: Math.abs(A.l - G.l), height: bot - top, class: 'gw-ov-delta' }));
        const x = lef - gap, inside = x < this.px(70);
        out.append(this.text(inside ? lef + gap : x, (top + bot) / 2, label('left', e.left), 'gw-bad', inside ? 'start' : 'end'));
      }
      if (show(e.right)) {
        out.append(GW.s('rect', { x: Math.min(A.r, G.r), y: top, width: Math.abs(A.r - G.r), height: bot - top, class: 'gw-ov-delta' }));
        const x = rig + gap, inside = x > this.W - this.px(70);
        out.append(this.text(inside ? rig - gap : x, (top + bot) / 2 + fs, label('right', e.right), 'gw-bad', inside ? 'end' : 'start'));
      }
      if (show(e.top)) {
        out.append(GW.s('rect', { x: lef, y: Math.min(A.t, G.t), width: rig - lef, height: Math.abs(A.t - G.t), class: 'gw-ov-delta' }));
        out.append(this.text((lef + rig) / 2, Math.max(fs, top - gap - fs * 1.2), label('top', e.top), 'gw-bad', 'middle'));
      }
      if (show(e.bottom)) {
        out.append(GW.s('rect', { x: lef, y: Math.min(A.b, G.b), width: rig - lef, height: Math.abs(A.b - G.b), class: 'gw-ov-delta' }));
        out.append(this.text((lef + rig) / 2, Math.min(this.H - this.px(3), bot + gap + fs), label('bottom', e.bottom), 'gw-bad', 'middle'));
      }
      g.append(out);
    }
    areaDiff(g, a, gd) {
      const poly = (o, cls) => GW.s('polygon', { points: o.points.map((q) => q.join(',')).join(' '), class: cls });
      const mask = (o) => {
        const id = GW.uid('gw-mask');
        this.defs.append(GW.s('mask', { id, maskUnits: 'userSpaceOnUse', x: 0, y: 0, width: this.W, height: this.H },
          GW.s('rect', { x: 0, y: 0, width: this.W, height: this.H, fill: '#fff' }),
          GW.s('polygon', { points: o.points.map((q) => q.join(',')).join(' '), fill: '#000' })));
        return 'url(#' + id + ')';
      };
      const hatchId = GW.uid('gw-hatch');
      const s = this.px(6);
      this.defs.append(GW.s('pattern', { id: hatchId, patternUnits: 'userSpaceOnUse', width: s, height: s, patternTransform: 'rotate(45)' },
        GW.s('rect', { x: 0, y: 0, width: s, height: s, fill: '#D55E00', 'fill-opacity': 0.25 }),
        GW.s('line', { x1: 0, y1: 0, x2: 0, y2: s, stroke: '#D55E00', 'stroke-width': s * 0.45 })));
      const missed = poly(gd, 'gw-ov-missed-area');
      missed.setAttribute('mask', mask(a));
      missed.setAttribute('fill', 'url(#' + hatchId + ')');
      const added = poly(a, 'gw-ov-added-area');
      added.setAttribute('mask', mask(gd));
      g.insertBefore(GW.s('g', { class: 'gw-gold' }, missed, added), g.firstChild);
    }
    pointDeltas(g, points, a, gd) {
      const fs = this.px(10.5);
      const box = this.bbox(a);
      const cx = box.x + box.w / 2; // labels go outwards, away from the body's middle
      for (const pt of points) {
        const mine = a.points && a.points[pt.name];
        const gold = gd && gd.points && gd.points[pt.name];
        const placed = pt.placed !== false && mine && !(mine.length > 2 && mine[2] === 0);
        const weak = !placed || (pt.oks !== undefined && pt.oks < 0.5) || (pt.goldVisibility !== undefined && pt.visibility !== pt.goldVisibility);
        if (placed && gold) g.append(GW.s('line', { x1: mine[0], y1: mine[1], x2: gold[0], y2: gold[1], class: 'gw-ov-link gw-gold' }));
        if (!weak) continue;
        let s;
        if (!placed) s = pt.name + ': not placed';
        else {
          s = pt.name + ' ' + (pt.distance !== undefined ? Number(pt.distance).toFixed(1) + ' px' : '') + (pt.oks !== undefined ? ' \u00b7 OKS ' + Number(pt.oks).toFixed(2) : '');
          if (pt.goldVisibility !== undefined && pt.visibility !== pt.goldVisibility) s += ' \u00b7 visibility ' + pt.visibility + ' (gold ' + pt.goldVisibility + ')';
        }
        const at = placed ? mine : gold;
        if (!at) { g.append(GW.s('g', { class: 'gw-mine' })); continue; }
        const t = this.text(at[0] + this.px(7), at[1] + fs * 0.35, s, 'gw-bad');
        t.setAttribute('font-size', fs);
        const width = s.length * fs * 0.58; // rough text width: keep the note inside the image
        const left = at[0] < cx ? at[0] - this.px(7) - width >= 0 : at[0] + this.px(7) + width > this.W;
        if (left) { t.setAttribute('x', at[0] - this.px(7)); t.setAttribute('text-anchor', 'end'); }
        g.append(GW.s('g', { class: placed ? 'gw-mine' : 'gw-gold' }, t));
      }
    }
  }

  // ---------- spans ----------
  class SpansOverlay extends Overlay {
    constructor(c) {
      super(c);
      const text = String(this.task.text || '');
      const ix = new GW.TextIndex(text);
      this.ix = ix;
      const ans = Array.isArray(this.response) ? this.response : [];
      const gold = this.hasGold && Array.isArray(this.gold) ? this.gold : [];
      const roles = this.roles();
      const nodes = ix.graphemes.map((g) => GW.h('span', { class: 'gw-g' }, g.text));
      const block = GW.h('div', { class: 'gw-ov-text-block', dir: 'auto' }, nodes);
      const after = ix.graphemes.map(() => []);
      const quote = (s) => ix.slice(s.start, s.end);
      const mark = (s, cls, key) => {
        if (!(s.end > s.start)) return -1;
        const g0 = ix.graphemeAt(s.start), g1 = ix.graphemeAt(s.end - 1);
        if (cls === 'gw-gd') { nodes[g0].classList.add('gw-gd-first'); nodes[g1].classList.add('gw-gd-last'); }
        for (let g = g0; g <= g1; g++) {
          nodes[g].classList.add(cls);
          if (key) this.track(key, nodes[g]);
        }
        return g1;
      };
      gold.forEach((s, i) => mark(s, 'gw-gd', roles.gold[i]));
      ans.forEach((s, i) => mark(s, 'gw-m', roles.ans[i]));
      const note = (s, text, cls, key) => {
        const g1 = ix.graphemeAt(Math.max(s.start, s.end - 1));
        const el = GW.h('span', { class: 'gw-note ' + cls }, text);
        after[g1].push(this.track(key, el));
      };
      (this.details.pairs || []).forEach((p, k) => {
        const a = ans[p.answer], gd = gold[p.gold];
        if (!a) return;
        const bits = [];
        if (p.startDelta) bits.push('start ' + signed(p.startDelta, 0) + ' ch');
        if (p.endDelta) bits.push('end ' + signed(p.endDelta, 0) + ' ch');
        if (p.labelMatches === false) bits.push(a.label + ' \u2260 ' + (gd ? gd.label : 'gold label'));
        const ok = !bits.length;
        note(a, (ok ? '\u2713 ' + a.label : bits.join(' \u00b7 ')), 'gw-mine' + (ok ? ' gw-ok' : ''), 'pair:' + k);
      });
      (this.details.extra || []).forEach((i) => ans[i] && note(ans[i], 'extra ' + ans[i].label, 'gw-mine', 'extra:' + i));
      if (this.hasGold) (this.details.missed || []).forEach((i) => gold[i] && note(gold[i], 'missed ' + gold[i].label, 'gw-gold', 'missed:' + i));
      after.forEach((list, g) => { if (list.length) nodes[g].after(...list); });
      this.host.append(this.legend(), block);
      const missed = (this.details.missed || []).length;
      if (!this.hasGold && missed) this.summary(missed + (missed === 1 ? ' entity was' : ' entities were') + ' not marked.');
      this.linkList();
      void quote;
    }
    legend() {
      return GW.h('div', { class: 'gw-legend' },
        GW.h('span', null, 'Yours: ', GW.h('span', { class: 'gw-g gw-m' }, 'underlined')),
        this.hasGold ? GW.h('span', { class: 'gw-gold' }, 'Gold: ', GW.h('span', { class: 'gw-g gw-gd gw-legend-gold' }, 'dashed box')) : GW.h('span', null, 'Gold answers are hidden for this test.'),
        GW.h('span', null, 'ch = characters; start \u2212 = yours starts earlier'));
    }
  }

  // ---------- time segments ----------
  class SegmentsOverlay extends Overlay {
    constructor(c) {
      super(c);
      this.duration = Number(this.task.duration) || 1;
      this.peaks = GW.readJSON(c, 'data-peaks', []);
      this.draw();
      new ResizeObserver(() => this.placeDeltas()).observe(this.host);
      this.linkList();
    }
    pos(el, s) {
      el.style.left = (s.start / this.duration) * 100 + '%';
      el.style.width = (Math.max(0, s.end - s.start) / this.duration) * 100 + '%';
    }
    draw() {
      const ans = Array.isArray(this.response) ? this.response : [];
      const gold = this.hasGold && Array.isArray(this.gold) ? this.gold : [];
      const roles = this.roles();
      const lanes = GW.h('div', { class: 'gw-ov-lanes' });
      const wave = GW.waveform(this.peaks);
      const mineLane = GW.h('div', { class: 'gw-lane gw-mine' }, GW.h('span', { class: 'gw-lane-name' }, 'Yours'));
      const goldLane = GW.h('div', { class: 'gw-lane gw-gold' }, GW.h('span', { class: 'gw-lane-name' }, 'Gold'));
      ans.forEach((s, i) => {
        const el = GW.h('div', { class: 'gw-ov-seg gw-mine' }, s.label + ((this.details.extra || []).includes(i) ? ' \u00b7 extra' : ''));
        this.pos(el, s);
        mineLane.append(this.track(roles.ans[i], el));
      });
      gold.forEach((s, i) => {
        const el = GW.h('div', { class: 'gw-ov-seg gw-gold' }, s.label + ((this.details.missed || []).includes(i) ? ' \u00b7 missed' : ''));
        this.pos(el, s);
        goldLane.append(this.track(roles.gold[i], el));
      });
      lanes.append(wave, GW.h('div', { class: 'gw-lane' }), mineLane);
      if (this.hasGold) lanes.append(goldLane);
      this.deltas = GW.h('div', { class: 'gw-ov-deltas' });
      const thr = Number(this.details.threshold);
      (this.details.pairs || []).forEach((p, k) => {
        const a = ans[p.answer];
        if (!a) return;
        const bits = [];
        if (p.onsetDeltaMs !== undefined) bits.push('onset ' + signed(p.onsetDeltaMs, 0) + ' ms');
        if (p.offsetDeltaMs !== undefined) bits.push('offset ' + signed(p.offsetDeltaMs, 0) + ' ms');
        if (p.similarity !== undefined) bits.push('IoU ' + Number(p.similarity).toFixed(2) + ' ' + (Number(p.similarity) + 1e-9 >= thr ? '\u2265 ' : '< ') + thr.toFixed(2));
        if (p.labelMatches === false) bits.push('wrong label');
        const el = GW.h('span', { class: p.passes && p.labelMatches !== false ? 'gw-good' : 'gw-bad' }, bits.join(' \u00b7 '));
        el.dataset.t = a.start;
        this.deltas.append(this.track('pair:' + k, el));
      });
      this.host.append(this.legend(), lanes, GW.ticks(this.duration), this.deltas);
      const missed = (this.details.missed || []).length;
      if (!this.hasGold && missed) this.summary(missed + (missed === 1 ? ' event was' : ' events were') + ' not marked.');
      this.placeDeltas();
    }
    // Place each delta note under its segment, in as many rows as needed so none overlap.
    placeDeltas() {
      if (!this.deltas) return;
      const W = this.deltas.clientWidth || 1;
      const rows = [];
      const items = [...this.deltas.children].sort((a, b) => a.dataset.t - b.dataset.t);
      for (const el of items) {
        const w = el.offsetWidth + 6;
        let x = Math.min((el.dataset.t / this.duration) * W, Math.max(0, W - w));
        let r = rows.findIndex((end) => end <= x);
        if (r < 0) { rows.push(0); r = rows.length - 1; }
        rows[r] = x + w;
        el.style.left = x + 'px';
        el.style.top = r * 1.6 + 'em';
      }
      this.deltas.style.height = Math.max(1, rows.length) * 1.6 + 0.4 + 'em';
    }
  }

  // ---------- transcription ----------
  class WordsOverlay extends Overlay {
    constructor(c) {
      super(c);
      const ops = (this.details && this.details.operations) || [];
      const box = GW.h('p', { class: 'gw-diff' });
      let subs = 0, dels = 0, ins = 0;
      for (const op of ops) {
        if (op.op === 'equal') { box.append(GW.h('span', { class: 'gw-w' }, op.wrote !== undefined ? op.wrote : op.said), ' '); continue; }
        const said = this.hasGold && op.said !== undefined ? GW.h('b', { class: 'gw-w-said gw-gold' }, 'said: ' + op.said) : null;
        if (op.op === 'substitute') {
          subs++;
          box.append(GW.h('span', { class: 'gw-w-sub' }, GW.h('span', { class: 'gw-w-tag' }, 'wrong word'),
            GW.h('s', { class: 'gw-w-wrote gw-mine' }, 'wrote: ' + op.wrote), said), ' ');
        } else if (op.op === 'delete') {
          dels++;
          box.append(GW.h('span', { class: 'gw-w-del' }, GW.h('span', { class: 'gw-w-tag' }, 'missing'),
            said || GW.h('span', null, '(a word)')), ' ');
        } else if (op.op === 'insert') {
          ins++;
          box.append(GW.h('span', { class: 'gw-w-ins' }, GW.h('span', { class: 'gw-w-tag' }, 'extra'),
            GW.h('s', { class: 'gw-w-wrote gw-mine' }, 'wrote: ' + op.wrote)), ' ');
        }
      }
      const words = ops.filter((o) => o.op !== 'insert').length;
      this.host.append(GW.h('p', { class: 'gw-ov-summary' },
        `${subs} wrong, ${dels} missing, ${ins} extra` + (words ? ` out of ${words} spoken words (WER ${((subs + dels + ins) / words * 100).toFixed(0)}%)` : '') + '.'),
      box);
      if (!ops.length && typeof this.response === 'string') box.append(this.response);
      this.linkList();
    }
  }

  GW.Overlay = Overlay;
  GW.registerOverlay('*', (el) => {
    const k = el.getAttribute('data-kind');
    if (k === 'boxes' || k === 'polygons' || k === 'keypoints') return new ImageOverlay(el);
    if (k === 'spans') return new SpansOverlay(el);
    if (k === 'time-segments') return new SegmentsOverlay(el);
    if (k === 'transcription') return new WordsOverlay(el);
    return null;
  });
})();
