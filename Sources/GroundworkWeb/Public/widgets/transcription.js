/* Groundwork transcription widget: data-kind="transcription", data-style-rules="plain text lines".
 * Answer: a string (written to the response input as JSON, e.g. "\"hello\""). */
(function () {
  'use strict';
  const GW = window.GW;
  const REPLAY = 3;

  class Transcription {
    constructor(container) {
      this.container = container;
      this.task = GW.readJSON(container, 'data-task', {});
      const saved = GW.readJSON(container, 'data-answer', null);
      this.announcer = GW.prepare(container);
      this.player = GW.audioPlayer(container.getAttribute('data-media') || this.task.audio || '', { replaySeconds: REPLAY });
      this.audio = this.player.audio;
      const id = GW.uid('gw-tx');
      this.area = GW.h('textarea', {
        id, rows: '6', spellcheck: 'true', autocapitalize: 'sentences',
        'aria-keyshortcuts': 'Alt+P Alt+R', 'aria-describedby': id + '-help',
      });
      this.area.value = typeof saved === 'string' ? saved : '';
      const help = GW.h('p', { class: 'gw-status', id: id + '-help' },
        'Alt+P plays or pauses, Alt+R replays the last ' + REPLAY + ' seconds, Alt+, and Alt+. change the speed; the cursor stays in the text.');
      const main = GW.h('div', { class: 'gw-tx-main' },
        GW.h('label', { for: id, class: 'gw-list-title' }, 'Your transcript'), this.area, help);
      const rules = (container.getAttribute('data-style-rules') || '').split(/\r?\n/).map((l) => l.replace(/^\s*[-*\u2022]\s*/, '').trim()).filter(Boolean);
      const parts = [main];
      if (rules.length) {
        parts.push(GW.h('aside', { class: 'gw-rules', 'aria-label': 'Style rules' },
          GW.h('h4', null, 'Style rules'), GW.h('ul', null, rules.map((r) => GW.h('li', null, r)))));
      }
      container.append(this.player.el, GW.h('div', { class: 'gw-tx' }, parts),
        GW.shortcuts([
          ['Alt+P', 'play / pause'],
          ['Alt+R', 'replay the last ' + REPLAY + ' s'],
          ['Alt+, / Alt+.', 'slower / faster (0.5\u20131.5\u00d7)'],
        ]));
      this.area.addEventListener('input', () => GW.writeAnswer(container, this.area.value));
      container.addEventListener('keydown', (e) => this.onKey(e));
      GW.ready(container, this, saved);
    }
    onKey(e) {
      if (!e.altKey || e.ctrlKey || e.metaKey) return;
      let handled = true;
      switch (e.code) {
        case 'KeyP': this.player.toggle(); break;
        case 'KeyR': this.player.replay(REPLAY); this.announcer.say('Replaying the last ' + REPLAY + ' seconds'); break;
        case 'Comma': this.player.setRate(this.audio.playbackRate - 0.25); this.announcer.say('Speed ' + this.audio.playbackRate); break;
        case 'Period': this.player.setRate(this.audio.playbackRate + 0.25); this.announcer.say('Speed ' + this.audio.playbackRate); break;
        default: handled = false;
      }
      if (handled) e.preventDefault();
    }
  }

  GW.Transcription = Transcription;
  GW.register('transcription', (el) => new Transcription(el));
})();
