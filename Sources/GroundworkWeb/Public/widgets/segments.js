/* Groundwork time-segments widget: data-kind="time-segments", data-peaks='[…]' (values in [0, 1]).
 * Answer: [{label, start, end}] in seconds. Keys follow VIA 3's temporal segmenter. */
(function () {
  'use strict';
  const GW = window.GW;
  const MIN_DRAG = 3; // screen pixels

  class Segments {
    constructor(container) {
      this.container = container;
      this.task = GW.readJSON(container, 'data-task', {});
      this.labels = this.task.labels && this.task.labels.length ? this.task.labels : ['event'];
      this.duration = Number(this.task.duration) || 1;
      this.peaks = GW.readJSON(container, 'data-peaks', []);
      this.activeLabel = this.labels[0];
      this.selected = null; // segment id
      this.openId = null; // segment started with A and not yet ended
      this.nextId = 1;
      const saved = GW.readJSON(container, 'data-answer', null);
      this.segs = Array.isArray(saved) ? saved.filter((s) => s && Number.isFinite(s.start)).map((s) => ({ id: this.nextId++, label: s.label, start: s.start, end: s.end })) : [];
      this.history = new GW.History(this.segs);
      this.els = new Map();
      this.build();
      this.render();
      GW.ready(container, this, saved);
    }
    build() {
      const c = this.container;
      this.announcer = GW.prepare(c);
      this.player = GW.audioPlayer(c.getAttribute('data-media') || this.task.media || '');
      this.audio = this.player.audio;
      const lab = GW.labelSelect(this.labels, (l) => this.chooseLabel(l));
      this.labelSel = lab.select;
      this.undoBtn = GW.button('Undo', () => this.undo(), { title: 'Undo (Ctrl+Z)', 'aria-keyshortcuts': 'Control+Z' });
      this.redoBtn = GW.button('Redo', () => this.redo(), { title: 'Redo (Ctrl+Shift+Z)', 'aria-keyshortcuts': 'Control+Shift+Z' });
      this.delBtn = GW.button('Delete', () => this.removeSelected(), { title: 'Delete the selected segment (Delete)' });
      const startBtn = GW.button('Start at playhead', () => this.startAt(this.audio.currentTime), { title: 'A', 'aria-keyshortcuts': 'A' });
      const endBtn = GW.button('End at playhead', () => this.endAt(this.audio.currentTime), { title: 'Shift+A', 'aria-keyshortcuts': 'Shift+A' });
      this.timeline = GW.h('div', {
        class: 'gw-timeline', tabindex: '0', role: 'application',
        'aria-label': 'Timeline. Space plays or pauses; A starts a segment at the playhead and Shift+A ends it; drag to draw a segment; Tab moves to the segments.',
      });
      this.timeline.append(GW.waveform(this.peaks));
      this.playhead = GW.h('div', { class: 'gw-playhead' });
      this.timeline.append(this.playhead);
      this.readout = GW.h('output', { class: 'gw-readout', 'aria-hidden': 'true' }, '\u00a0');
      this.list = GW.h('ul', { class: 'gw-seglist', 'aria-label': 'Your segments' });
      c.append(this.player.el,
        GW.h('div', { class: 'gw-toolbar', role: 'toolbar', 'aria-label': 'Segment tools' }, lab.el, startBtn, endBtn, this.undoBtn, this.redoBtn, this.delBtn),
        this.timeline, GW.ticks(this.duration), GW.h('div', { class: 'gw-statusbar' }, this.readout),
        GW.h('h4', { class: 'gw-list-title' }, 'Your segments'), this.list,
        GW.shortcuts([
          ['Space', 'play / pause'],
          ['A', 'start a segment at the playhead'],
          ['Shift+A', 'end it at the playhead'],
          ['L / Shift+L', 'move the selected segment\u2019s left edge 1/50 s earlier / later (Ctrl: 1 s)'],
          ['R / Shift+R', 'move its right edge 1/50 s earlier / later (Ctrl: 1 s)'],
          ['S / E', 'play from the selected segment\u2019s start / jump to its end'],
          ['\u2190 \u2192', 'move the playhead 1 s (Shift: 5 s)'],
          ['Drag on the waveform', 'draw a segment; drag its edges or body to adjust it'],
          ['Click on the waveform', 'move the playhead there'],
          ['Tab', 'next segment (each is a focusable element)'],
          ['1\u20139', 'label of the selected segment (or of the next one)'],
          ['Delete / Backspace', 'delete the selected segment'],
          ['+ / \u2212', 'faster / slower playback'],
          ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
        ]));
      this.timeline.addEventListener('pointerdown', (e) => this.down(e));
      this.timeline.addEventListener('pointermove', (e) => this.move(e));
      this.timeline.addEventListener('pointerup', (e) => this.up(e, false));
      this.timeline.addEventListener('pointercancel', (e) => this.up(e, true));
      c.addEventListener('keydown', (e) => this.onKey(e));
      c.addEventListener('focusin', (e) => {
        const id = e.target.getAttribute && Number(e.target.getAttribute('data-seg'));
        if (id && id !== this.selected) this.select(id);
      });
      const tick = () => {
        this.playhead.style.left = (this.audio.currentTime / this.duration) * 100 + '%';
        if (this.openId && !this.audio.paused) {
          const s = this.byId(this.openId);
          if (s) { s.end = Math.max(s.start, Math.min(this.duration, this.audio.currentTime)); this.renderSeg(s); }
        }
        if (!this.audio.paused) requestAnimationFrame(tick);
        this.showReadout();
      };
      this.audio.addEventListener('play', () => requestAnimationFrame(tick));
      this.audio.addEventListener('timeupdate', tick);
      this.audio.addEventListener('seeked', tick);
    }
    byId(id) { return this.segs.find((s) => s.id === id) || null; }
    get sel() { return this.byId(this.selected); }
    timeAt(clientX) {
      const r = this.timeline.getBoundingClientRect();
      return GW.clamp(((clientX - r.left) / r.width) * this.duration, 0, this.duration);
    }
    describe(s) {
      const n = this.segs.indexOf(s) + 1;
      return `Segment ${n} ${s.label}, ${GW.secs(s.start)} to ${GW.secs(s.end)}`;
    }
    showReadout() {
      const s = this.sel;
      this.readout.textContent = 'playhead ' + GW.secs(this.audio.currentTime) + (s ? ' \u00b7 selected ' + GW.secs(s.start) + '\u2013' + GW.secs(s.end) : '');
    }
    // ----- model -----
    answer() {
      return this.segs.map((s) => ({ label: s.label, start: GW.round(s.start, 3), end: GW.round(s.end, 3) }));
    }
    commit(note) {
      this.history.record(this.segs, note);
      GW.writeAnswer(this.container, this.answer());
      this.render();
      if (note) this.announcer.say(note);
    }
    restore(r, verb) {
      if (!r) return;
      this.segs = r.state;
      this.openId = null;
      for (const s of this.segs) this.nextId = Math.max(this.nextId, s.id + 1);
      if (!this.sel) this.selected = null;
      GW.writeAnswer(this.container, this.answer());
      this.render();
      this.announcer.say(verb + (r.note ? ': ' + r.note : ''));
    }
    undo() { this.restore(this.history.undo(), 'Undone'); }
    redo() { this.restore(this.history.redo(), 'Redone'); }
    select(id, quiet) {
      this.selected = id;
      const s = this.sel;
      if (s) { this.activeLabel = s.label; this.labelSel.value = s.label; if (!quiet) this.announcer.say('Selected ' + this.describe(s)); }
      this.render();
    }
    chooseLabel(l) {
      this.activeLabel = l;
      this.labelSel.value = l;
      const s = this.sel;
      if (s && s.label !== l) { s.label = l; this.commit('Relabelled ' + this.describe(s)); }
      else this.announcer.say('Label ' + l);
    }
    startAt(t) {
      t = GW.clamp(t, 0, this.duration);
      const s = { id: this.nextId++, label: this.activeLabel, start: t, end: t };
      this.segs.push(s);
      this.selected = s.id;
      this.openId = s.id;
      this.commit('Started ' + s.label + ' at ' + GW.secs(t) + '; Shift+A ends it');
    }
    endAt(t) {
      t = GW.clamp(t, 0, this.duration);
      const s = this.byId(this.openId) || this.sel;
      if (!s) { this.announcer.say('Press A first to start a segment'); return; }
      if (t < s.start) { s.end = s.start; s.start = t; } else s.end = t;
      this.openId = null;
      this.selected = s.id;
      this.commit('Ended ' + this.describe(s));
    }
    removeSelected() {
      const s = this.sel;
      if (!s) return;
      const note = 'Deleted ' + this.describe(s);
      this.segs.splice(this.segs.indexOf(s), 1);
      if (this.openId === s.id) this.openId = null;
      this.selected = null;
      this.commit(note);
      this.timeline.focus();
    }
    nudge(edge, delta) {
      const s = this.sel;
      if (!s) { this.announcer.say('Select a segment first'); return; }
      if (edge === 'left') s.start = GW.clamp(s.start + delta, 0, s.end);
      else s.end = GW.clamp(s.end + delta, s.start, this.duration);
      if (this.openId === s.id && edge === 'right') this.openId = null;
      this.commit((edge === 'left' ? 'Start ' : 'End ') + 'of ' + this.describe(s));
    }
    // ----- pointer -----
    down(e) {
      if (e.pointerType === 'mouse' && e.button !== 0) return;
      try { this.timeline.setPointerCapture(e.pointerId); } catch (err) { /* synthetic */ }
      const t = this.timeAt(e.clientX);
      const segEl = e.target.closest('[data-seg]');
      const edge = e.target.getAttribute('data-edge');
      if (segEl) {
        const s = this.byId(Number(segEl.getAttribute('data-seg')));
        this.selected = s.id;
        this.g = { kind: edge ? 'edge-' + edge : 'move', s, t0: t, start: { start: s.start, end: s.end }, moved: false, sx: e.clientX };
        this.render();
        segEl.focus({ preventScroll: true });
      } else {
        this.g = { kind: 'draw', t0: t, sx: e.clientX, s: null };
        this.timeline.focus({ preventScroll: true });
      }
      e.preventDefault();
    }
    move(e) {
      const g = this.g;
      if (!g) return;
      const t = this.timeAt(e.clientX);
      if (!g.moved && Math.abs(e.clientX - g.sx) < MIN_DRAG) return;
      g.moved = true;
      if (g.kind === 'draw') {
        if (!g.s) {
          g.s = { id: this.nextId++, label: this.activeLabel, start: g.t0, end: g.t0 };
          this.segs.push(g.s);
          this.selected = g.s.id;
        }
        g.s.start = Math.min(g.t0, t);
        g.s.end = Math.max(g.t0, t);
        this.render();
      } else {
        const s = g.s, d = t - g.t0;
        if (g.kind === 'move') {
          const len = g.start.end - g.start.start;
          s.start = GW.clamp(g.start.start + d, 0, this.duration - len);
          s.end = s.start + len;
        } else if (g.kind === 'edge-l') {
          s.start = Math.min(t, g.start.end);
        } else {
          s.end = Math.max(t, g.start.start);
        }
        this.renderSeg(s);
        this.showReadout();
      }
    }
    up(e, cancelled) {
      const g = this.g;
      this.g = null;
      if (!g) return;
      if (cancelled) {
        if (g.kind === 'draw' && g.s) this.segs.splice(this.segs.indexOf(g.s), 1);
        else if (g.s) Object.assign(g.s, g.start);
        this.render();
        return;
      }
      if (!g.moved) {
        if (g.kind === 'draw') {
          this.audio.currentTime = g.t0;
          this.selected = null;
          this.render();
          this.announcer.say('Playhead at ' + GW.secs(g.t0));
        }
        return;
      }
      if (g.kind === 'draw') this.commit('Added ' + this.describe(g.s));
      else if (g.kind === 'move') this.commit('Moved ' + this.describe(g.s));
      else this.commit('Resized ' + this.describe(g.s));
    }
    // ----- keyboard -----
    onKey(e) {
      if (GW.isTyping(e.target) || e.target.tagName === 'AUDIO') return;
      const mod = e.ctrlKey || e.metaKey;
      const k = e.key;
      if (mod && (k === 'z' || k === 'Z')) { e.preventDefault(); if (e.shiftKey) this.redo(); else this.undo(); return; }
      const onSurface = e.target === this.timeline || (e.target.hasAttribute && e.target.hasAttribute('data-seg'));
      if (!onSurface) return;
      const big = mod ? 1 : 1 / 50;
      let handled = true;
      switch (k) {
        case ' ': this.player.toggle(); break;
        case 'a': if (!mod) this.startAt(this.audio.currentTime); else handled = false; break;
        case 'A': this.endAt(this.audio.currentTime); break;
        case 'l': this.nudge('left', -big); break;
        case 'L': this.nudge('left', big); break;
        case 'r': this.nudge('right', -big); break;
        case 'R': this.nudge('right', big); break;
        case 's': if (this.sel) { this.audio.currentTime = this.sel.start; this.player.toggle(); } break;
        case 'e': if (this.sel) this.audio.currentTime = this.sel.end; break;
        case 'ArrowLeft': this.audio.currentTime = Math.max(0, this.audio.currentTime - (e.shiftKey ? 5 : 1)); break;
        case 'ArrowRight': this.audio.currentTime = Math.min(this.duration, this.audio.currentTime + (e.shiftKey ? 5 : 1)); break;
        case '+': case '=': this.player.setRate(this.audio.playbackRate + 0.25); this.announcer.say('Speed ' + this.audio.playbackRate); break;
        case '-': this.player.setRate(this.audio.playbackRate - 0.25); this.announcer.say('Speed ' + this.audio.playbackRate); break;
        case 'Delete': case 'Backspace': this.removeSelected(); break;
        case 'Escape': this.openId = null; this.select(null, true); this.timeline.focus(); break;
        default:
          if (/^[1-9]$/.test(k) && !mod && this.labels[Number(k) - 1]) this.chooseLabel(this.labels[Number(k) - 1]);
          else handled = false;
      }
      if (handled) e.preventDefault();
    }
    // ----- rendering -----
    renderSeg(s) {
      let el = this.els.get(s.id);
      if (!el) {
        el = GW.h('div', { class: 'gw-seg', tabindex: '0', role: 'group', 'data-seg': s.id },
          GW.h('span', { class: 'gw-seg-label' }),
          GW.h('span', { class: 'gw-edge gw-edge-l', 'data-edge': 'l', 'aria-hidden': 'true' }),
          GW.h('span', { class: 'gw-edge gw-edge-r', 'data-edge': 'r', 'aria-hidden': 'true' }));
        this.els.set(s.id, el);
      }
      const color = GW.colorFor(this.labels, s.label);
      el.style.left = (s.start / this.duration) * 100 + '%';
      el.style.width = (Math.max(0, s.end - s.start) / this.duration) * 100 + '%';
      el.style.borderColor = color;
      el.style.backgroundColor = color + '33';
      el.firstChild.textContent = s.label;
      el.classList.toggle('gw-on', s.id === this.selected);
      el.classList.toggle('gw-open', s.id === this.openId);
      el.setAttribute('aria-label', this.describe(s) + (s.id === this.openId ? ', open: Shift+A ends it' : '') + '. L, R and Shift move its edges.');
      return el;
    }
    render() {
      const seen = new Set();
      for (const s of this.segs) {
        seen.add(s.id);
        const el = this.renderSeg(s);
        if (el.parentNode !== this.timeline) this.timeline.insertBefore(el, this.playhead);
      }
      for (const [id, el] of this.els) if (!seen.has(id)) { el.remove(); this.els.delete(id); }
      this.renderList();
      this.undoBtn.disabled = !this.history.canUndo();
      this.redoBtn.disabled = !this.history.canRedo();
      this.delBtn.disabled = !this.sel;
      this.showReadout();
    }
    renderList() {
      this.list.replaceChildren();
      if (!this.segs.length) this.list.append(GW.h('li', { class: 'gw-empty' }, 'No segments yet.'));
      [...this.segs].sort((a, b) => a.start - b.start).forEach((s) => {
        const sw = GW.h('span', { class: 'gw-swatch', 'aria-hidden': 'true' });
        sw.style.background = GW.colorFor(this.labels, s.label);
        const sel = GW.h('select', { 'aria-label': 'Label of segment ' + (this.segs.indexOf(s) + 1) });
        for (const l of this.labels) sel.append(GW.h('option', { value: l, selected: l === s.label }, l));
        sel.addEventListener('change', () => { s.label = sel.value; this.commit('Relabelled ' + this.describe(s)); });
        const go = GW.button(GW.secs(s.start) + ' \u2013 ' + GW.secs(s.end) + (s.id === this.openId ? ' (open)' : ''), () => {
          this.select(s.id);
          this.audio.currentTime = s.start;
          this.els.get(s.id).focus();
        }, { class: 'gw-objbtn gw-spanq', 'aria-pressed': String(s.id === this.selected) });
        const rm = GW.button('Remove', () => { this.selected = s.id; this.removeSelected(); }, { class: 'gw-btn gw-btn-danger', 'aria-label': 'Remove ' + this.describe(s) });
        this.list.append(GW.h('li', { class: s.id === this.selected ? 'gw-on' : '' }, sw, go, sel, rm));
      });
    }
  }

  GW.Segments = Segments;
  GW.register('time-segments', (el) => new Segments(el));
})();
