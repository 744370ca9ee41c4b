/* Groundwork labeling widgets: the shared model.
 *
 * Loaded first (<script src="/assets/widgets/common.js" defer>), then one file per kind, which calls
 * GW.register(kind, init) / GW.registerOverlay(kind, init). On DOMContentLoaded every
 * `.gw-widget[data-kind]` and `.gw-overlay[data-kind]` is started. No inline styles, no eval:
 * everything works under `script-src 'self'; style-src 'self'`.
 *
 * Geometry lives in one coordinate system per kind (image pixels, code points, seconds). The image
 * canvas is one SVG whose viewBox is in image pixels; zoom and pan change only the viewBox.
 */
(function () {
  'use strict';
  const GW = (window.GW = window.GW || {});
  const SVGNS = 'http://www.w3.org/2000/svg';

  // Okabe–Ito, ordered so the first labels get the colours that read best on photos; yellow late.
  GW.PALETTE = ['#E69F00', '#56B4E9', '#009E73', '#0072B2', '#D55E00', '#CC79A7', '#F0E442', '#000000'];
  GW.colorFor = (labels, label) => {
    const i = labels.indexOf(label);
    return GW.PALETTE[(i < 0 ? labels.length : i) % GW.PALETTE.length];
  };

  // ---------- small DOM helpers ----------
  function setAttrs(el, attrs) {
    if (!attrs) return el;
    for (const k of Object.keys(attrs)) {
      const v = attrs[k];
      if (v === undefined || v === null || v === false) continue;
      if (k === 'text') el.textContent = v;
      else if (k === 'class') el.setAttribute('class', v);
      else if (k.startsWith('on') && typeof v === 'function') el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    return el;
  }
  GW.h = function (tag, attrs, ...children) {
    const el = setAttrs(document.createElement(tag), attrs);
    for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
    return el;
  };
  GW.s = function (tag, attrs, ...children) {
    const el = setAttrs(document.createElementNS(SVGNS, tag), attrs);
    for (const c of children.flat()) if (c) el.append(c);
    return el;
  };
  GW.readJSON = function (el, name, fallback) {
    const raw = el.getAttribute(name);
    if (raw === null || raw === '') return fallback;
    try {
      const v = JSON.parse(raw);
      return v === null ? fallback : v;
    } catch (e) {
      console.warn('Groundwork: bad JSON in', name, e);
      return fallback;
    }
  };
  GW.clone = (v) => (v === undefined ? v : JSON.parse(JSON.stringify(v)));
  GW.round = (v, d = 2) => {
    const f = Math.pow(10, d);
    return Math.round(v * f) / f;
  };
  GW.clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));
  GW.fmt = (v) => String(GW.round(v, 1));
  GW.minus = (v) => (v < 0 ? '\u2212' + GW.fmt(-v) : (v > 0 ? '+' : '') + GW.fmt(v));
  let uid = 0;
  GW.uid = (p) => p + '-' + ++uid;
  GW.isTyping = (t) => !!(t && t.closest && t.closest('input, select, textarea, [contenteditable="true"]'));

  // ---------- answer plumbing ----------
  GW.responseInput = function (container) {
    const form = container.closest('form');
    if (form) return form.querySelector('input[name="response"]');
    const next = container.nextElementSibling;
    return next && next.matches('input[name="response"]') ? next : null;
  };
  GW.writeAnswer = function (container, value) {
    const json = JSON.stringify(value);
    const input = GW.responseInput(container);
    if (input) input.value = json;
    container.gwAnswer = value;
    container.dispatchEvent(new CustomEvent('gw-change', { bubbles: true, detail: { answer: value, json } }));
  };

  // ---------- live region ----------
  GW.Announcer = class {
    constructor(parent) {
      this.el = GW.h('div', { class: 'gw-sr', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      parent.append(this.el);
      this.timer = 0;
    }
    say(text) {
      this.last = text;
      this.el.textContent = '';
      clearTimeout(this.timer);
      this.timer = setTimeout(() => (this.el.textContent = text), 30);
    }
  };

  // ---------- undo/redo: one stack of exact snapshots ----------
  GW.History = class {
    constructor(initial, limit = 300) {
      this.states = [GW.clone(initial)];
      this.notes = [''];
      this.index = 0;
      this.limit = limit;
    }
    record(state, note) {
      this.states.length = this.index + 1;
      this.notes.length = this.index + 1;
      this.states.push(GW.clone(state));
      this.notes.push(note || '');
      if (this.states.length > this.limit) {
        this.states.shift();
        this.notes.shift();
      }
      this.index = this.states.length - 1;
    }
    canUndo() { return this.index > 0; }
    canRedo() { return this.index < this.states.length - 1; }
    undo() {
      if (!this.canUndo()) return null;
      const note = this.notes[this.index];
      this.index--;
      return { state: GW.clone(this.states[this.index]), note };
    }
    redo() {
      if (!this.canRedo()) return null;
      this.index++;
      return { state: GW.clone(this.states[this.index]), note: this.notes[this.index] };
    }
  };

  // ---------- shortcut list ----------
  GW.shortcuts = function (rows) {
    const dl = GW.h('dl');
    for (const [keys, what] of rows) dl.append(GW.h('dt', null, keys), GW.h('dd', null, what));
    return GW.h('details', { class: 'gw-shortcuts' }, GW.h('summary', null, 'Keyboard shortcuts'), dl);
  };

  GW.button = function (text, onclick, attrs) {
    return GW.h('button', Object.assign({ type: 'button', class: 'gw-btn', onclick }, attrs || {}), text);
  };

  GW.labelSelect = function (labels, onchange, text) {
    const sel = GW.h('select', { class: 'gw-label-select' });
    labels.forEach((l, i) => sel.append(GW.h('option', { value: l }, (i < 9 ? i + 1 + ' ' : '') + l)));
    sel.addEventListener('change', () => onchange(sel.value));
    return { select: sel, el: GW.h('label', { class: 'gw-field' }, GW.h('span', null, text || 'Label'), sel) };
  };

  // ---------- audio player (time-segments, transcription) ----------
  GW.audioPlayer = function (src, opts) {
    opts = opts || {};
    const audio = GW.h('audio', { controls: true, preload: 'auto', src, class: 'gw-audio' });
    const speed = GW.h('select', { class: 'gw-speed' });
    for (const r of [0.5, 0.75, 1, 1.25, 1.5]) speed.append(GW.h('option', { value: r, selected: r === 1 }, r + '\u00d7'));
    speed.addEventListener('change', () => {
      audio.playbackRate = Number(speed.value);
      audio.defaultPlaybackRate = Number(speed.value);
    });
    const loop = GW.h('input', { type: 'checkbox' });
    loop.addEventListener('change', () => (audio.loop = loop.checked));
    const row = GW.h('div', { class: 'gw-player' },
      audio,
      GW.h('label', { class: 'gw-field' }, GW.h('span', null, 'Speed'), speed),
      GW.h('label', { class: 'gw-check' }, loop, GW.h('span', null, 'Loop')));
    const api = {
      el: row, audio, speed, loop,
      toggle() { if (audio.paused) audio.play().catch(() => {}); else audio.pause(); },
      replay(seconds) {
        audio.currentTime = Math.max(0, audio.currentTime - seconds);
        audio.play().catch(() => {});
      },
      setRate(r) {
        r = GW.clamp(Math.round(r * 100) / 100, 0.5, 1.5);
        audio.playbackRate = r;
        audio.defaultPlaybackRate = r;
        let best = speed.options[0];
        for (const o of speed.options) if (Math.abs(o.value - r) < Math.abs(best.value - r)) best = o;
        best.selected = true;
      },
    };
    if (opts.replaySeconds) {
      row.append(GW.button('Replay last ' + opts.replaySeconds + ' s', () => api.replay(opts.replaySeconds), { class: 'gw-btn gw-replay' }));
    }
    return api;
  };

  // ---------- the image canvas ----------
  /* One SVG, viewBox in image pixels. Handles zoom (wheel with Ctrl or while focused, + - 0),
   * pan (Space+drag, middle button, two fingers) and routes the remaining pointer events to a tool:
   * tool.down(e, p), tool.move(e, p), tool.up(e, p), tool.cancel(); p is in image pixels, unclamped. */
  GW.ImageCanvas = class {
    constructor(opts) {
      this.W = opts.width;
      this.H = opts.height;
      this.tool = opts.tool;
      this.onview = opts.onview || (() => {});
      this.svg = GW.s('svg', {
        class: 'gw-canvas', viewBox: `0 0 ${this.W} ${this.H}`, preserveAspectRatio: 'xMidYMid meet',
        tabindex: opts.focusable === false ? null : '0', role: opts.focusable === false ? 'img' : 'application',
        'aria-label': opts.ariaLabel || 'Image',
      });
      this.image = GW.s('image', { href: opts.media, x: 0, y: 0, width: this.W, height: this.H, preserveAspectRatio: 'none', class: 'gw-image' });
      this.frame = GW.s('rect', { x: 0, y: 0, width: this.W, height: this.H, class: 'gw-frame' });
      this.layer = GW.s('g', { class: 'gw-layer-objects' });
      this.ui = GW.s('g', { class: 'gw-layer-ui' });
      this.svg.append(this.image, this.frame, this.layer, this.ui);
      this.el = GW.h('div', { class: 'gw-stage' }, this.svg);
      this.vb = { x: 0, y: 0, w: this.W, h: this.H };
      this.pointers = new Map();
      this.mode = null; // 'tool' | 'pan' | 'pinch'
      this.space = false;
      this.bind(opts.interactive !== false);
      this.ro = new ResizeObserver(() => this.onview(this.scale()));
      this.ro.observe(this.svg);
    }
    // Screen pixels per image pixel.
    scale() {
      const m = this.svg.getScreenCTM();
      return m ? Math.abs(m.a) || 1 : 1;
    }
    zoomLevel() { return this.W / this.vb.w; }
    toImage(clientX, clientY) {
      const m = this.svg.getScreenCTM();
      if (!m) return { x: 0, y: 0 };
      const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
      return { x: p.x, y: p.y };
    }
    toClient(x, y) {
      const m = this.svg.getScreenCTM();
      const p = new DOMPoint(x, y).matrixTransform(m);
      return { x: p.x, y: p.y };
    }
    clampPoint(p) { return { x: GW.clamp(p.x, 0, this.W), y: GW.clamp(p.y, 0, this.H) }; }
    setView(vb) {
      const minW = this.W / 40, maxW = this.W * 1; // zoom 1× (fit) … 40×
      const w = GW.clamp(vb.w, minW, maxW);
      const h = (w * this.H) / this.W;
      // keep the view centre over the image
      const cx = GW.clamp(vb.x + vb.w / 2, 0, this.W), cy = GW.clamp(vb.y + vb.h / 2, 0, this.H);
      this.vb = { x: cx - w / 2, y: cy - h / 2, w, h };
      if (w >= this.W) this.vb.x = 0, this.vb.y = 0;
      this.svg.setAttribute('viewBox', `${this.vb.x} ${this.vb.y} ${this.vb.w} ${this.vb.h}`);
      this.onview(this.scale());
    }
    // Zoom so that the image point `at` stays where it is on screen.
    zoomTo(level, at) {
      at = at || { x: this.vb.x + this.vb.w / 2, y: this.vb.y + this.vb.h / 2 };
      const w = this.W / GW.clamp(level, 1, 40);
      const k = w / this.vb.w;
      const h = (w * this.H) / this.W;
      this.setView({ x: at.x - (at.x - this.vb.x) * k, y: at.y - (at.y - this.vb.y) * k, w, h });
    }
    zoomBy(f, at) { this.zoomTo(this.zoomLevel() * f, at); }
    fit() { this.setView({ x: 0, y: 0, w: this.W, h: this.H }); }
    panBy(dx, dy) { this.setView({ x: this.vb.x - dx, y: this.vb.y - dy, w: this.vb.w, h: this.vb.h }); }
    key(e) {
      // returns true when handled
      if (e.ctrlKey || e.metaKey || e.altKey) return false;
      if (e.key === '+' || e.key === '=') { this.zoomBy(1.25); return true; }
      if (e.key === '-' || e.key === '_') { this.zoomBy(0.8); return true; }
      if (e.key === '0') { this.fit(); return true; }
      return false;
    }
    bind(interactive) {
      const svg = this.svg;
      svg.addEventListener('wheel', (e) => {
        if (!(e.ctrlKey || e.metaKey || document.activeElement === svg)) return;
        e.preventDefault();
        const f = Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0025));
        this.zoomBy(f, this.toImage(e.clientX, e.clientY));
      }, { passive: false });
      svg.addEventListener('keydown', (e) => { if (e.key === ' ' && !GW.isTyping(e.target)) this.space = true; });
      svg.addEventListener('keyup', (e) => { if (e.key === ' ') this.space = false; });
      svg.addEventListener('blur', () => (this.space = false));
      if (!interactive) {
        // read-only views still pan with a drag and pinch-zoom
      }
      svg.addEventListener('pointerdown', (e) => this.down(e, interactive));
      svg.addEventListener('pointermove', (e) => this.move(e));
      svg.addEventListener('pointerup', (e) => this.up(e, false));
      svg.addEventListener('pointercancel', (e) => this.up(e, true));
      svg.addEventListener('contextmenu', (e) => { if (this.mode) e.preventDefault(); });
    }
    down(e, interactive) {
      if (e.pointerType === 'mouse' && e.button !== 0 && e.button !== 1) return;
      try { this.svg.setPointerCapture(e.pointerId); } catch (err) { /* synthetic */ }
      this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      if (document.activeElement !== this.svg && this.svg.getAttribute('tabindex') !== null) this.svg.focus({ preventScroll: true });
      if (this.pointers.size === 2) {
        if (this.mode === 'tool' && this.tool) this.tool.cancel();
        this.mode = 'pinch';
        this.pinch = this.pinchState();
        e.preventDefault();
        return;
      }
      if (this.pointers.size > 2) return;
      if (e.button === 1 || this.space || !interactive || !this.tool) {
        this.mode = 'pan';
        this.last = { x: e.clientX, y: e.clientY };
        this.svg.classList.add('gw-panning');
        e.preventDefault();
        return;
      }
      this.mode = 'tool';
      e.preventDefault();
      this.tool.down(e, this.toImage(e.clientX, e.clientY));
    }
    pinchState() {
      const [a, b] = [...this.pointers.values()];
      return { d: Math.hypot(a.x - b.x, a.y - b.y) || 1, mid: { x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 }, level: this.zoomLevel() };
    }
    move(e) {
      if (this.pointers.has(e.pointerId)) this.pointers.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const p = this.toImage(e.clientX, e.clientY);
      if (this.mode === 'pan') {
        const s = this.scale();
        this.panBy((e.clientX - this.last.x) / s, (e.clientY - this.last.y) / s);
        this.last = { x: e.clientX, y: e.clientY };
      } else if (this.mode === 'pinch' && this.pointers.size === 2) {
        const now = this.pinchState();
        const s = this.scale();
        this.panBy((now.mid.x - this.pinch.mid.x) / s, (now.mid.y - this.pinch.mid.y) / s);
        this.zoomTo(this.pinch.level * (now.d / this.pinch.d), this.toImage(now.mid.x, now.mid.y));
        this.pinch = Object.assign(now, { level: this.zoomLevel() });
      } else if (this.mode === 'tool') {
        this.tool.move(e, p);
      } else if (this.tool && this.tool.hover && e.pointerType !== 'touch') {
        this.tool.hover(e, p);
      }
    }
    up(e, cancelled) {
      const had = this.pointers.delete(e.pointerId);
      if (!had) return;
      if (this.mode === 'tool') {
        if (cancelled) this.tool.cancel();
        else this.tool.up(e, this.toImage(e.clientX, e.clientY));
      }
      if (this.pointers.size === 0) {
        this.mode = null;
        this.svg.classList.remove('gw-panning');
      } else if (this.mode === 'pinch' && this.pointers.size === 1) {
        this.mode = 'pinch-end'; // ignore the remaining finger until it lifts
      }
    }
  };

  // ---------- the shape editor shared by boxes, polygons and keypoints ----------
  /* A subclass provides: noun, kindHelp, shortcutRows, renderObject(obj, g), renderUI(),
   * fromAnswer(a) -> objects, toAnswer(objects), describe(obj, n), down/move/up/cancel (tool),
   * keyDown(e) -> bool, and optionally panel() for per-object controls. */
  GW.ShapeEditor = class {
    constructor(container, kindOpts) {
      this.container = container;
      this.task = GW.readJSON(container, 'data-task', {});
      this.labels = this.task.labels && this.task.labels.length ? this.task.labels : ['object'];
      this.media = container.getAttribute('data-media') || this.task.image || '';
      this.W = Number(this.task.width) || 640;
      this.H = Number(this.task.height) || 480;
      this.noun = kindOpts.noun;
      this.activeLabel = this.labels[0];
      this.selectedId = null;
      this.nextId = 1;
      this.objects = [];
      this.cache = new Map(); // id -> {g, key}
      if (kindOpts.init) kindOpts.init(this); // subclass fields needed by the first render
      this.build(kindOpts);
      const saved = GW.readJSON(container, 'data-answer', null);
      if (Array.isArray(saved)) this.objects = this.fromAnswer(saved).map((o) => Object.assign(o, { id: this.nextId++ }));
      this.history = new GW.History(this.objects);
      this.renderAll();
      container.gwWidget = this;
      container.classList.add('gw-ready');
      container.gwAnswer = saved;
    }
    build(kindOpts) {
      const c = this.container;
      for (const ns of c.querySelectorAll('noscript')) ns.remove();
      this.canvas = new GW.ImageCanvas({
        width: this.W, height: this.H, media: this.media, tool: this,
        ariaLabel: kindOpts.ariaLabel,
        onview: () => { this.renderUI(); this.updateZoom(); this.onView && this.onView(); },
      });
      this.svg = this.canvas.svg;
      this.announcer = new GW.Announcer(c);
      const lab = GW.labelSelect(this.labels, (l) => this.chooseLabel(l));
      this.labelSel = lab.select;
      this.undoBtn = GW.button('Undo', () => this.undo(), { 'aria-keyshortcuts': 'Control+Z', title: 'Undo (Ctrl+Z)' });
      this.redoBtn = GW.button('Redo', () => this.redo(), { 'aria-keyshortcuts': 'Control+Shift+Z', title: 'Redo (Ctrl+Shift+Z)' });
      this.delBtn = GW.button('Delete', () => this.deleteSelected(), { title: 'Delete the selected ' + this.noun + ' (Delete)' });
      this.zoomOut = GW.button('\u2212', () => this.canvas.zoomBy(0.8), { 'aria-label': 'Zoom out', title: 'Zoom out (-)' });
      this.zoomIn = GW.button('+', () => this.canvas.zoomBy(1.25), { 'aria-label': 'Zoom in', title: 'Zoom in (+)' });
      this.zoomFit = GW.button('Fit', () => this.canvas.fit(), { 'aria-label': 'Fit the image', title: 'Fit (0)' });
      this.zoomOut.classList.add('gw-btn-icon');
      this.zoomIn.classList.add('gw-btn-icon');
      this.zoomOut2 = GW.h('output', { class: 'gw-zoom', 'aria-label': 'Zoom level' }, '100%');
      this.toolbar = GW.h('div', { class: 'gw-toolbar', role: 'toolbar', 'aria-label': this.noun + ' tools' },
        lab.el, ...(kindOpts.tools || []), this.undoBtn, this.redoBtn, this.delBtn,
        GW.h('span', { class: 'gw-zoombox' }, this.zoomOut, this.zoomOut2, this.zoomIn, this.zoomFit));
      this.readout = GW.h('output', { class: 'gw-readout', 'aria-hidden': 'true' }, '\u00a0');
      this.status = GW.h('p', { class: 'gw-status' }, kindOpts.hint || '');
      this.panelEl = GW.h('div', { class: 'gw-panel' });
      this.list = GW.h('ol', { class: 'gw-objects', 'aria-label': this.noun + 's' });
      const side = GW.h('div', { class: 'gw-side' }, this.panelEl,
        GW.h('h4', { class: 'gw-list-title' }, 'Your ' + this.noun + 's'), this.list,
        GW.shortcuts(kindOpts.shortcuts));
      c.append(this.toolbar, GW.h('div', { class: 'gw-body' },
        GW.h('div', { class: 'gw-main' }, this.canvas.el, GW.h('div', { class: 'gw-statusbar' }, this.status, this.readout)), side));
      c.addEventListener('keydown', (e) => this.onKey(e));
    }
    updateZoom() { this.zoomOut2.textContent = Math.round(this.canvas.zoomLevel() * 100) + '%'; }
    // ----- state -----
    get selected() { return this.objects.find((o) => o.id === this.selectedId) || null; }
    indexOf(id) { return this.objects.findIndex((o) => o.id === id); }
    select(id, quiet) {
      this.selectedId = id;
      const o = this.selected;
      if (o) {
        this.activeLabel = o.label;
        this.labelSel.value = o.label;
        if (!quiet) this.announcer.say('Selected ' + this.describe(o, this.indexOf(id) + 1));
      }
      this.renderAll();
    }
    chooseLabel(l) {
      this.activeLabel = l;
      this.labelSel.value = l;
      const o = this.selected;
      if (o && o.label !== l) {
        o.label = l;
        this.commit('Relabelled ' + this.describe(o, this.indexOf(o.id) + 1));
      } else this.announcer.say('Label ' + l);
    }
    add(obj) {
      obj.id = this.nextId++;
      this.objects.push(obj);
      this.selectedId = obj.id;
      return obj;
    }
    deleteSelected() {
      const i = this.indexOf(this.selectedId);
      if (i < 0) return;
      const [o] = this.objects.splice(i, 1);
      this.selectedId = null;
      this.commit('Deleted ' + this.describe(o, i + 1));
    }
    commit(note) {
      this.history.record(this.objects, note);
      this.save();
      this.renderAll();
      if (note) this.announcer.say(note);
    }
    save() { GW.writeAnswer(this.container, this.toAnswer(this.objects)); }
    restore(r, verb) {
      if (!r) return;
      this.cancelDraft && this.cancelDraft(true);
      this.objects = r.state;
      for (const o of this.objects) this.nextId = Math.max(this.nextId, o.id + 1);
      if (!this.selected) this.selectedId = null;
      this.save();
      this.renderAll();
      this.announcer.say(verb + (r.note ? ': ' + r.note : ''));
    }
    undo() { this.restore(this.history.undo(), 'Undone'); }
    redo() { this.restore(this.history.redo(), 'Redone'); }
    cycle(dir) {
      if (!this.objects.length) return false;
      const i = this.indexOf(this.selectedId);
      const j = i < 0 ? (dir > 0 ? 0 : this.objects.length - 1) : i + dir;
      if (j < 0 || j >= this.objects.length) {
        this.select(null, true);
        return false; // let Tab leave the canvas
      }
      this.select(this.objects[j].id);
      return true;
    }
    // ----- rendering -----
    renderAll() {
      const seen = new Set();
      const scaleKey = this.renderScaleKey ? this.renderScaleKey() : '';
      let prev = null;
      for (const o of this.objects) {
        seen.add(o.id);
        let c = this.cache.get(o.id);
        const key = JSON.stringify(o) + (o.id === this.selectedId ? '*' : '') + scaleKey;
        if (!c) {
          c = { g: GW.s('g', { class: 'gw-obj', 'data-id': o.id }), key: '' };
          this.cache.set(o.id, c);
        }
        if (c.key !== key) {
          c.g.replaceChildren();
          c.g.classList.toggle('gw-selected', o.id === this.selectedId);
          this.renderObject(o, c.g);
          c.key = key;
        }
        const want = prev ? prev.nextSibling : this.canvas.layer.firstChild;
        if (want !== c.g) this.canvas.layer.insertBefore(c.g, want);
        prev = c.g;
      }
      for (const [id, c] of this.cache) if (!seen.has(id)) { c.g.remove(); this.cache.delete(id); }
      this.renderUI();
      this.renderList();
      this.undoBtn.disabled = !this.history || !this.history.canUndo();
      this.redoBtn.disabled = !this.history || !this.history.canRedo();
      this.delBtn.disabled = !this.selected;
      this.renderPanel && this.renderPanel();
      this.showReadout();
    }
    renderOne(o) {
      const c = this.cache.get(o.id);
      if (!c) return this.renderAll();
      c.g.replaceChildren();
      this.renderObject(o, c.g);
      c.key = '';
      this.renderUI();
      this.showReadout();
    }
    renderList() {
      const items = this.list.children;
      this.objects.forEach((o, i) => {
        let li = items[i];
        if (!li) {
          li = GW.h('li', null, GW.h('button', { type: 'button', class: 'gw-objbtn' }));
          li.firstChild.addEventListener('click', () => { this.select(Number(li.dataset.id)); this.svg.focus(); });
          this.list.append(li);
        }
        li.dataset.id = o.id;
        const text = this.describe(o, i + 1);
        if (li.firstChild.textContent !== text) li.firstChild.textContent = text;
        const sel = o.id === this.selectedId;
        if (li.firstChild.getAttribute('aria-pressed') !== String(sel)) li.firstChild.setAttribute('aria-pressed', String(sel));
      });
      while (items.length > this.objects.length) items[items.length - 1].remove();
    }
    showReadout(p) {
      if (p) this.pointerAt = p;
      const parts = [];
      if (this.pointerAt) parts.push('x ' + GW.fmt(this.pointerAt.x) + ' y ' + GW.fmt(this.pointerAt.y));
      const o = this.draftReadout ? this.draftReadout() : null;
      const s = o || (this.selected ? this.readoutOf(this.selected) : '');
      if (s) parts.push(s);
      this.readout.textContent = parts.join(' \u00b7 ') || '\u00a0';
    }
    hover(e, p) { this.showReadout(p); }
    px(n) { return n / this.canvas.scale(); } // n screen pixels in image pixels
    // ----- keyboard -----
    onKey(e) {
      if (GW.isTyping(e.target)) return;
      const mod = e.ctrlKey || e.metaKey;
      if (mod && (e.key === 'z' || e.key === 'Z')) {
        e.preventDefault();
        if (e.shiftKey) this.redo(); else this.undo();
        return;
      }
      if (mod && (e.key === 'y' || e.key === 'Y')) { e.preventDefault(); this.redo(); return; }
      if (e.target !== this.svg) return; // the rest only when the canvas has focus
      if (this.placeAtCursor && this.crosshairKey(e)) { e.preventDefault(); return; }
      if (this.keyDown(e)) { e.preventDefault(); return; }
      if (this.canvas.key(e)) { e.preventDefault(); return; }
      if (e.key === 'Tab') {
        if (this.cycle(e.shiftKey ? -1 : 1)) e.preventDefault();
        return;
      }
      if (/^[1-9]$/.test(e.key) && !mod && !e.altKey) {
        const l = this.labels[Number(e.key) - 1];
        if (l) { this.chooseLabel(l); e.preventDefault(); }
        return;
      }
      if ((e.key === 'Delete' || e.key === 'Backspace') && this.selected) {
        this.deleteSelected();
        e.preventDefault();
        return;
      }
      if (e.key === 'Escape' && this.selected) { this.select(null, true); e.preventDefault(); }
    }
    // A keyboard crosshair for kinds placed point by point (polygons, keypoints): C shows
    // it at the centre, arrows move it (Shift: 10 px), Space places there as a click would.
    crosshairKey(e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return false;
      if (e.key === 'c' || e.key === 'C') {
        this.cursor = this.cursor ? null : { x: this.W / 2, y: this.H / 2 };
        this.drawCursor();
        this.announcer.say(this.cursor
          ? 'Crosshair at x ' + GW.fmt(this.cursor.x) + ' y ' + GW.fmt(this.cursor.y) + '. Arrows move it, Space places.'
          : 'Crosshair off');
        return true;
      }
      if (!this.cursor) return false;
      const d = this.arrow(e);
      if (d) {
        this.cursor = this.canvas.clampPoint({ x: this.cursor.x + d[0], y: this.cursor.y + d[1] });
        this.drawCursor();
        this.showReadout(this.cursor);
        return true;
      }
      if (e.key === ' ') {
        this.placeAtCursor(this.cursor);
        this.drawCursor();
        return true;
      }
      return false;
    }
    drawCursor() {
      if (this.cursorEl) this.cursorEl.remove();
      this.cursorEl = null;
      if (!this.cursor) return;
      const { x, y } = this.cursor, r = this.px(12);
      this.cursorEl = GW.s('g', { class: 'gw-crosshair', 'aria-hidden': 'true' });
      this.cursorEl.append(
        GW.s('line', { x1: x - r, y1: y, x2: x + r, y2: y }), GW.s('line', { x1: x, y1: y - r, x2: x, y2: y + r }),
        GW.s('circle', { cx: x, cy: y, r: r / 2 }));
      this.svg.append(this.cursorEl);
    }
    // Arrow keys: returns [dx, dy] in image pixels or null.
    arrow(e) {
      const step = e.shiftKey ? 10 : 1;
      switch (e.key) {
        case 'ArrowLeft': return [-step, 0];
        case 'ArrowRight': return [step, 0];
        case 'ArrowUp': return [0, -step];
        case 'ArrowDown': return [0, step];
        default: return null;
      }
    }
    handle(x, y, attrs) {
      const r = this.px(6);
      return GW.s('rect', Object.assign({ x: x - r, y: y - r, width: 2 * r, height: 2 * r, class: 'gw-handle' }, attrs || {}));
    }
  };

  // ---------- text: graphemes, words, UTF-16 -> code points (spans and their overlay) ----------
  /* Text index: graphemes with their code-point and UTF-16 starts, word-segment boundaries. */
  GW.TextIndex = class {
    constructor(text) {
      this.text = text;
      this.cpAtU16 = new Int32Array(text.length + 1);
      let cp = 0;
      for (let u = 0; u < text.length; ) {
        const c = text.codePointAt(u);
        const len = c > 0xffff ? 2 : 1;
        for (let k = 0; k < len; k++) this.cpAtU16[u + k] = cp;
        u += len;
        cp++;
      }
      this.cpAtU16[text.length] = cp;
      this.length = cp; // in code points
      const seg = (g) => (typeof Intl !== 'undefined' && Intl.Segmenter ? [...new Intl.Segmenter(undefined, { granularity: g }).segment(text)] : null);
      const gs = seg('grapheme') || Array.from(text).map((s, i, a) => ({ segment: s, index: a.slice(0, i).join('').length }));
      this.graphemes = gs.map((g) => ({ text: g.segment, start: this.cpAtU16[g.index], end: this.cpAtU16[g.index + g.segment.length] }));
      this.bounds = [0].concat(this.graphemes.map((g) => g.end)); // grapheme boundaries in code points
      const ws = seg('word');
      this.words = ws ? ws.map((w) => ({ start: this.cpAtU16[w.index], end: this.cpAtU16[w.index + w.segment.length], space: /^\s+$/u.test(w.segment), wordLike: !!w.isWordLike }))
        : this.graphemes.map((g) => ({ start: g.start, end: g.end, space: /^\s+$/u.test(g.text), wordLike: true }));
      this.wordBounds = [0].concat(this.words.map((w) => w.end));
    }
    slice(start, end) { return Array.from(this.text).slice(start, end).join(''); }
    graphemeAt(cp) {
      let lo = 0, hi = this.graphemes.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (this.graphemes[mid].start <= cp) lo = mid; else hi = mid - 1;
      }
      return lo;
    }
    // Widen [start, end) to grapheme boundaries.
    snapGraphemes(start, end) {
      if (end <= start) return [start, start];
      const a = this.graphemes[this.graphemeAt(start)], b = this.graphemes[this.graphemeAt(end - 1)];
      return [a.start, b.end];
    }
    // Widen to word segments, then drop leading/trailing white space.
    snapWords(start, end) {
      [start, end] = this.snapGraphemes(start, end);
      if (end <= start) return [start, start];
      const find = (cp) => this.words.find((w) => w.start <= cp && cp < w.end);
      const a = find(start), b = find(end - 1);
      if (a) start = a.start;
      if (b) end = b.end;
      return this.trimSpace(start, end);
    }
    trimSpace(start, end) {
      for (const w of this.words) if (w.start === start && w.space && w.end <= end) start = w.end;
      for (let i = this.words.length - 1; i >= 0; i--) {
        const w = this.words[i];
        if (w.end === end && w.space && w.start >= start) end = w.start;
      }
      return [start, Math.max(start, end)];
    }
  };

  // ---------- audio timeline pieces (time segments and their overlay) ----------
  /* SVG waveform; x runs over the peaks, stretched to the element's width. */
  GW.waveform = function (peaks) {
    const n = Math.max(1, peaks.length);
    const top = [], bottom = [];
    for (let i = 0; i < n; i++) {
      const p = Math.max(0.01, Math.min(1, Number(peaks[i]) || 0)) * 0.95;
      top.push((i ? 'L' : 'M') + i + ' ' + (-p).toFixed(3));
      bottom.push('L' + i + ' ' + p.toFixed(3));
    }
    const d = top.join('') + bottom.reverse().join('') + 'Z';
    return GW.s('svg', { class: 'gw-wave', viewBox: `0 -1 ${Math.max(1, n - 1)} 2`, preserveAspectRatio: 'none', 'aria-hidden': 'true' },
      GW.s('path', { d }));
  };
  GW.ticks = function (duration) {
    const el = GW.h('div', { class: 'gw-ticks', 'aria-hidden': 'true' });
    const step = duration <= 6 ? 0.5 : duration <= 15 ? 1 : duration <= 60 ? 5 : 10;
    for (let t = 0; t <= duration + 1e-9; t += step) {
      const s = GW.h('span', null, (Math.round(t * 10) / 10) + ' s');
      s.style.left = (t / duration) * 100 + '%';
      if (t === 0) s.style.transform = 'none';
      if (t + step > duration + 1e-9 && t > 0) s.style.transform = 'translateX(-100%)';
      el.append(s);
    }
    return el;
  };
  GW.secs = (t) => (Math.round(t * 1000) / 1000).toFixed(2) + ' s';

  // The common start of the non-canvas widgets: drop the <noscript>, add the live region.
  GW.prepare = function (container) {
    for (const ns of container.querySelectorAll('noscript')) ns.remove();
    return new GW.Announcer(container);
  };
  // …and their common end: expose the widget, mark the container ready.
  GW.ready = function (container, widget, saved) {
    container.gwWidget = widget;
    container.gwAnswer = saved;
    container.classList.add('gw-ready');
  };

  // ---------- registry ----------
  GW.widgets = {};
  GW.overlays = {};
  // Deferred scripts may run as separate tasks, so containers start on DOMContentLoaded (after every
  // deferred script), and a kind registered later than that starts its containers at once.
  let domReady = false;
  GW.register = (kind, init) => { GW.widgets[kind] = init; if (domReady) GW.start(); };
  GW.registerOverlay = (kind, init) => { GW.overlays[kind] = init; if (domReady) GW.start(); };
  GW.start = function (root) {
    root = root || document;
    for (const el of root.querySelectorAll('.gw-widget[data-kind]')) {
      if (el.gwStarted) continue;
      const init = GW.widgets[el.getAttribute('data-kind')];
      if (!init) continue;
      el.gwStarted = true;
      try { init(el); } catch (e) { console.error('Groundwork widget failed', e); el.classList.add('gw-failed'); }
    }
    for (const el of root.querySelectorAll('.gw-overlay[data-kind]')) {
      if (el.gwStarted) continue;
      const init = GW.overlays[el.getAttribute('data-kind')] || GW.overlays['*'];
      if (!init) continue;
      el.gwStarted = true;
      try { init(el); } catch (e) { console.error('Groundwork overlay failed', e); el.classList.add('gw-failed'); }
    }
  };
  const go = () => { domReady = true; GW.start(); };
  if (document.readyState === 'complete') setTimeout(go, 0);
  else document.addEventListener('DOMContentLoaded', go);
})();
