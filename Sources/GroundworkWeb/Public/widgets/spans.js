/* Groundwork spans widget: data-kind="spans". Answer: [{start, end, label}], [start, end) in Unicode
 * code points (not UTF-16 units). Boundaries always fall between graphemes (an emoji with its skin
 * tone, or a letter with its combining accent, is never split); with snap "word" they also
 * widen to whole words (Intl.Segmenter) and drop surrounding spaces. */
(function () {
  'use strict';
  const GW = window.GW;

  class Spans {
    constructor(container) {
      this.container = container;
      this.task = GW.readJSON(container, 'data-task', {});
      this.labels = this.task.labels && this.task.labels.length ? this.task.labels : ['ENTITY'];
      this.snap = this.task.snap === 'character' ? 'character' : 'word';
      this.overlap = !!this.task.overlap;
      this.index = new GW.TextIndex(String(this.task.text || ''));
      this.activeLabel = this.labels[0];
      this.selected = -1; // index into spans
      this.caret = 0; // code point, on a grapheme boundary
      this.anchor = 0;
      const saved = GW.readJSON(container, 'data-answer', null);
      this.spans = Array.isArray(saved) ? saved.filter((s) => s && Number.isFinite(s.start)).map((s) => ({ start: s.start, end: s.end, label: s.label })) : [];
      this.sort();
      this.history = new GW.History(this.spans);
      this.build();
      this.render();
      GW.ready(container, this, saved);
    }
    build() {
      const c = this.container;
      this.announcer = GW.prepare(c);
      const lab = GW.labelSelect(this.labels, (l) => this.chooseLabel(l));
      this.labelSel = lab.select;
      this.undoBtn = GW.button('Undo', () => this.undo(), { title: 'Undo (Ctrl+Z)', 'aria-keyshortcuts': 'Control+Z' });
      this.redoBtn = GW.button('Redo', () => this.redo(), { title: 'Redo (Ctrl+Shift+Z)', 'aria-keyshortcuts': 'Control+Shift+Z' });
      this.applyBtn = GW.button('Label selection', () => this.applyDomSelection(true), { title: 'Label the selected text (Enter)' });
      c.append(GW.h('div', { class: 'gw-toolbar', role: 'toolbar', 'aria-label': 'Span tools' }, lab.el, this.applyBtn, this.undoBtn, this.redoBtn,
        GW.h('span', { class: 'gw-status' }, this.snap === 'word' ? 'Selections snap to whole words.' : 'Selections snap to characters.')));
      this.textEl = GW.h('div', {
        class: 'gw-text', tabindex: '0', role: 'application', dir: 'auto',
        'aria-label': 'Text to label. Select words with the mouse, or move the caret with the arrow keys and extend with Shift+arrows; Enter or a digit labels the selection.',
      });
      this.nodes = this.index.graphemes.map((g, i) => GW.h('span', { class: 'gw-g', 'data-g': i }, g.text));
      this.textEl.append(...this.nodes);
      this.readout = GW.h('output', { class: 'gw-readout', 'aria-hidden': 'true' }, '\u00a0');
      this.list = GW.h('ul', { class: 'gw-spanlist', 'aria-label': 'Your spans' });
      c.append(this.textEl, GW.h('div', { class: 'gw-statusbar' }, this.readout),
        GW.h('h4', { class: 'gw-list-title' }, 'Your spans'), this.list,
        GW.shortcuts([
          ['Select with the mouse', 'label it with the current label (snapped)'],
          ['\u2190 \u2192', this.snap === 'word' ? 'move the caret a word' : 'move the caret a character'],
          ['Ctrl+\u2190 \u2192', 'move the caret a word'],
          ['Shift + arrows', 'extend the selection'],
          ['Home / End', 'start / end of the text'],
          ['Enter', 'label the selection with the current label'],
          ['1\u20139', 'label the selection with that label; with no selection, relabel the selected span'],
          ['Delete', 'remove the span under the caret'],
          ['Esc', 'clear the selection'],
          ['Ctrl+Z / Ctrl+Shift+Z', 'undo / redo'],
        ]));
      this.textEl.addEventListener('pointerup', () => setTimeout(() => this.applyDomSelection(false), 0));
      this.textEl.addEventListener('keydown', (e) => this.onTextKey(e));
      this.textEl.addEventListener('focus', () => this.render());
      this.textEl.addEventListener('blur', () => this.render());
      c.addEventListener('keydown', (e) => {
        if (GW.isTyping(e.target)) return;
        if ((e.ctrlKey || e.metaKey) && (e.key === 'z' || e.key === 'Z')) {
          e.preventDefault();
          if (e.shiftKey) this.redo(); else this.undo();
        }
      });
      document.addEventListener('selectionchange', () => {
        const r = this.domRange();
        if (r) this.lastSel = r;
      });
    }
    sort() { this.spans.sort((a, b) => a.start - b.start || a.end - b.end); }
    // ----- DOM selection -> code points -----
    cpOf(node, offset) {
      const r = document.createRange();
      r.setStart(this.textEl, 0);
      try { r.setEnd(node, offset); } catch (e) { return 0; }
      return this.index.cpAtU16[Math.min(r.toString().length, this.index.text.length)];
    }
    domRange() {
      const sel = window.getSelection();
      if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
      const rg = sel.getRangeAt(0);
      if (!this.textEl.contains(rg.commonAncestorContainer)) return null;
      const a = this.cpOf(rg.startContainer, rg.startOffset), b = this.cpOf(rg.endContainer, rg.endOffset);
      return a === b ? null : [Math.min(a, b), Math.max(a, b)];
    }
    // A click puts the caret on the nearest grapheme boundary and selects the span there.
    caretFromClick() {
      const sel = window.getSelection();
      if (!sel || !sel.rangeCount || !this.textEl.contains(sel.focusNode)) return;
      const cp = this.cpOf(sel.focusNode, sel.focusOffset);
      const b = this.index.bounds;
      this.caret = this.anchor = b.reduce((best, x) => (Math.abs(x - cp) < Math.abs(best - cp) ? x : best), 0);
      this.selected = this.spans.findIndex((s) => s.start <= cp && cp < s.end);
      this.render();
    }
    snapRange(start, end) {
      return this.snap === 'word' ? this.index.snapWords(start, end) : this.index.snapGraphemes(start, end);
    }
    applyDomSelection(fromButton) {
      let r = this.domRange();
      if (!r && fromButton) r = this.lastSel || (this.anchor !== this.caret ? [Math.min(this.anchor, this.caret), Math.max(this.anchor, this.caret)] : null);
      if (!r) {
        if (fromButton) this.announcer.say('Select some text first');
        else this.caretFromClick();
        return;
      }
      this.lastSel = null;
      window.getSelection().removeAllRanges();
      this.addSpan(r[0], r[1], this.activeLabel);
    }
    // ----- model -----
    quote(s) { return this.index.slice(s.start, s.end); }
    describe(s) { return `'${this.quote(s)}' ${s.label}, characters ${s.start} to ${s.end}`; }
    addSpan(start, end, label) {
      [start, end] = this.snapRange(start, end);
      if (end <= start) { this.announcer.say('Nothing to label there'); return false; }
      const dup = this.spans.findIndex((s) => s.start === start && s.end === end);
      if (dup >= 0 && (this.spans[dup].label === label || !this.overlap)) {
        if (this.spans[dup].label !== label) return this.relabel(dup, label);
        this.announcer.say('Already labelled: ' + this.describe(this.spans[dup]));
        return false;
      }
      if (!this.overlap) {
        const clash = this.spans.find((s) => s.start < end && start < s.end);
        if (clash) {
          this.announcer.say(`Overlaps ${this.describe(clash)}; spans may not overlap in this task. Remove it first.`);
          this.flash(clash);
          return false;
        }
      }
      const s = { start, end, label };
      this.spans.push(s);
      this.sort();
      this.selected = this.spans.indexOf(s);
      this.anchor = this.caret = end;
      this.commit('Added ' + this.describe(s));
      return true;
    }
    relabel(i, label) {
      const s = this.spans[i];
      if (!s || s.label === label) return false;
      s.label = label;
      this.commit('Relabelled ' + this.describe(s));
      return true;
    }
    remove(i) {
      const [s] = this.spans.splice(i, 1);
      this.selected = -1;
      this.commit('Removed ' + this.describe(s));
    }
    chooseLabel(l) {
      this.activeLabel = l;
      this.labelSel.value = l;
      if (this.selected >= 0) this.relabel(this.selected, l);
      else this.announcer.say('Label ' + l);
    }
    flash(s) {
      this.selected = this.spans.indexOf(s);
      this.render();
    }
    commit(note) {
      this.history.record(this.spans, note);
      GW.writeAnswer(this.container, this.answer());
      this.render();
      this.announcer.say(note);
    }
    answer() { return this.spans.map((s) => ({ start: s.start, end: s.end, label: s.label })); }
    undo() { this.restore(this.history.undo(), 'Undone'); }
    redo() { this.restore(this.history.redo(), 'Redone'); }
    restore(r, verb) {
      if (!r) return;
      this.spans = r.state;
      this.selected = -1;
      GW.writeAnswer(this.container, this.answer());
      this.render();
      this.announcer.say(verb + (r.note ? ': ' + r.note : ''));
    }
    // ----- keyboard -----
    step(dir, word) {
      const b = word ? this.index.wordBounds : this.index.bounds;
      if (dir > 0) return b.find((x) => x > this.caret) ?? this.index.length;
      for (let i = b.length - 1; i >= 0; i--) if (b[i] < this.caret) return b[i];
      return 0;
    }
    onTextKey(e) {
      const word = e.ctrlKey || e.altKey || this.snap === 'word';
      let moved = null;
      const rtl = getComputedStyle(this.textEl).direction === 'rtl';
      if (e.key === 'ArrowRight') moved = this.step(rtl ? -1 : 1, word);
      else if (e.key === 'ArrowLeft') moved = this.step(rtl ? 1 : -1, word);
      else if (e.key === 'Home') moved = 0;
      else if (e.key === 'End') moved = this.index.length;
      if (moved !== null) {
        e.preventDefault();
        this.caret = moved;
        if (!e.shiftKey) this.anchor = moved;
        const at = this.spans.findIndex((s) => s.start <= this.caret && this.caret < s.end);
        if (!e.shiftKey) this.selected = at;
        this.render();
        const a = Math.min(this.anchor, this.caret), b = Math.max(this.anchor, this.caret);
        this.announcer.say(a === b ? `Caret at ${this.caret}` + (at >= 0 ? ', in ' + this.describe(this.spans[at]) : '') : `Selected '${this.index.slice(a, b)}'`);
        return;
      }
      if (e.ctrlKey || e.metaKey) return;
      const a = Math.min(this.anchor, this.caret), b = Math.max(this.anchor, this.caret);
      if (e.key === 'Enter') {
        e.preventDefault();
        if (a !== b) { if (this.addSpan(a, b, this.activeLabel)) this.anchor = this.caret; }
        else this.applyDomSelection(true);
        return;
      }
      if (/^[1-9]$/.test(e.key)) {
        const l = this.labels[Number(e.key) - 1];
        if (!l) return;
        e.preventDefault();
        this.activeLabel = l;
        this.labelSel.value = l;
        const dom = this.domRange();
        if (a !== b) { if (this.addSpan(a, b, l)) this.anchor = this.caret; }
        else if (dom) { window.getSelection().removeAllRanges(); this.addSpan(dom[0], dom[1], l); }
        else if (this.selected >= 0) this.relabel(this.selected, l);
        else this.announcer.say('Label ' + l);
        return;
      }
      if (e.key === 'Delete' || e.key === 'Backspace') {
        e.preventDefault();
        const i = this.selected >= 0 ? this.selected : this.spans.findIndex((s) => s.start <= this.caret && this.caret < s.end);
        if (i >= 0) this.remove(i);
        return;
      }
      if (e.key === 'Escape') {
        this.anchor = this.caret;
        this.selected = -1;
        window.getSelection().removeAllRanges();
        this.render();
      }
    }
    // ----- rendering -----
    render() {
      const ix = this.index;
      const cover = ix.graphemes.map(() => []);
      const ends = ix.graphemes.map(() => []);
      this.spans.forEach((s, si) => {
        if (s.end <= s.start) return;
        const g0 = ix.graphemeAt(s.start), g1 = ix.graphemeAt(s.end - 1);
        for (let g = g0; g <= g1; g++) cover[g].push(si);
        ends[g1].push(si);
      });
      const focused = document.activeElement === this.textEl;
      const a = Math.min(this.anchor, this.caret), b = Math.max(this.anchor, this.caret);
      const caretG = this.caret >= ix.length ? -1 : ix.graphemeAt(this.caret);
      this.nodes.forEach((n, g) => {
        const cv = cover[g];
        const gr = ix.graphemes[g];
        n.classList.toggle('gw-in', cv.length > 0);
        n.classList.toggle('gw-in2', cv.length > 1);
        n.classList.toggle('gw-sel-span', cv.includes(this.selected));
        n.classList.toggle('gw-kbsel', focused && gr.start >= a && gr.end <= b && a !== b);
        n.classList.toggle('gw-caret', focused && g === caretG);
        n.classList.toggle('gw-caret-end', focused && caretG === -1 && g === this.nodes.length - 1);
        if (cv.length) n.style.setProperty('--gw-c1', GW.colorFor(this.labels, this.spans[cv[0]].label));
        if (cv.length > 1) n.style.setProperty('--gw-c2', GW.colorFor(this.labels, this.spans[cv[1]].label));
        n.classList.toggle('gw-span-end', ends[g].length > 0);
        if (ends[g].length) {
          n.setAttribute('data-tag', ends[g].map((si) => this.spans[si].label).join('+'));
          n.style.setProperty('--gw-tagbg', GW.colorFor(this.labels, this.spans[ends[g][0]].label) === '#F0E442' ? '#6b6200' : '#222');
        } else n.removeAttribute('data-tag');
      });
      this.renderList();
      this.undoBtn.disabled = !this.history.canUndo();
      this.redoBtn.disabled = !this.history.canRedo();
      this.readout.textContent = a !== b ? `selection: characters ${a} to ${b}` : `caret: ${this.caret} of ${ix.length}`;
    }
    renderList() {
      this.list.replaceChildren();
      if (!this.spans.length) this.list.append(GW.h('li', { class: 'gw-empty' }, 'No spans yet.'));
      this.spans.forEach((s, i) => {
        const sw = GW.h('span', { class: 'gw-swatch', 'aria-hidden': 'true' });
        sw.style.background = GW.colorFor(this.labels, s.label);
        const sel = GW.h('select', { 'aria-label': `Label of '${this.quote(s)}'` });
        for (const l of this.labels) sel.append(GW.h('option', { value: l, selected: l === s.label }, l));
        sel.addEventListener('change', () => this.relabel(i, sel.value));
        const q = GW.button(this.quote(s), () => {
          this.selected = i;
          this.anchor = this.caret = s.start;
          this.render();
          this.textEl.focus();
          this.announcer.say('Selected ' + this.describe(s));
        }, { class: 'gw-spanq gw-objbtn', 'aria-pressed': String(i === this.selected) });
        const rm = GW.button('Remove', () => this.remove(i), { class: 'gw-btn gw-btn-danger', 'aria-label': `Remove '${this.quote(s)}' ${s.label}` });
        this.list.append(GW.h('li', { class: i === this.selected ? 'gw-on' : '' }, sw, q, sel,
          GW.h('span', { class: 'gw-offsets' }, s.start + '\u2013' + s.end), rm));
      });
    }
  }

  GW.Spans = Spans;
  GW.register('spans', (el) => new Spans(el));
})();
