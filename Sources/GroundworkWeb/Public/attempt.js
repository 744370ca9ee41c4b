// Groundwork: small helpers for the test pages. Everything works without this file; it adds
// a live countdown (the server's clock stays the authority), a confirmation before finishing
// early, playback speed and loop for clips, reordering for rankings, number keys for
// choices, and drafts kept in the browser until the answer is saved.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  countdown();
  confirmations();
  players();
  rankings();
  choiceKeys();
  drafts();
  heartbeat();
});

/** While the page is visible, tells the server every 30 s that the learner is still here, so
 *  thinking time counts as active and only a closed or hidden page counts as time away. */
function heartbeat() {
  const attempt = document.querySelector(".attempt[data-attempt]");
  const token = document.querySelector("meta[name=csrf-token]")?.content;
  if (!attempt || !token || !document.getElementById("item-form")) return;
  const beat = () => {
    if (document.visibilityState !== "visible") return;
    fetch("/api/attempts/" + attempt.dataset.attempt + "/heartbeat", {
      method: "POST", headers: { "X-CSRF-Token": token }, credentials: "same-origin",
    }).catch(() => {});
  };
  setInterval(beat, 30000);
  document.addEventListener("visibilitychange", beat);
}

/** Counts down from the seconds the server sent; at zero, reloads so the server decides. */
function countdown() {
  const timer = document.querySelector(".timer[data-seconds-left]");
  if (!timer) return;
  const clock = timer.querySelector(".clock");
  const end = Date.now() + parseFloat(timer.dataset.secondsLeft) * 1000;
  const tick = () => {
    const left = Math.max(0, Math.floor((end - Date.now()) / 1000));
    const h = Math.floor(left / 3600), m = Math.floor(left / 60) % 60, s = left % 60;
    clock.textContent = (h > 0 ? h + ":" + String(m).padStart(2, "0") : String(m)) + ":" + String(s).padStart(2, "0");
    timer.classList.toggle("low", left < 60);
    if (left <= 0) { window.location.reload(); return; }
    setTimeout(tick, 1000 - ((end - Date.now()) % 1000 + 1000) % 1000 || 1000);
  };
  tick();
}

/** Forms with data-confirm ask before they post. */
function confirmations() {
  for (const form of document.querySelectorAll("form[data-confirm]")) {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm)) event.preventDefault();
    });
  }
}

/** Speed (0.5–1.5×) and loop for every clip player. */
function players() {
  for (const player of document.querySelectorAll(".player")) {
    const audio = player.querySelector("audio");
    const speed = player.querySelector(".speed");
    const loop = player.querySelector(".loop");
    if (speed) speed.addEventListener("change", () => { audio.playbackRate = parseFloat(speed.value); });
    if (loop) loop.addEventListener("change", () => { audio.loop = loop.checked; });
  }
}

/** Move up / move down buttons (and Alt+arrow keys) for ranking rows; the place selects follow. */
function rankings() {
  for (const list of document.querySelectorAll(".rank-list")) {
    const renumber = () => {
      [...list.children].forEach((row, index) => { row.querySelector("select").value = String(index + 1); });
    };
    const move = (row, step) => {
      const sibling = step < 0 ? row.previousElementSibling : row.nextElementSibling;
      if (!sibling) return;
      if (step < 0) list.insertBefore(row, sibling); else list.insertBefore(sibling, row);
      renumber();
      announce(row.querySelector("label").textContent + " moved to place " + ([...list.children].indexOf(row) + 1));
    };
    for (const row of list.children) {
      const label = row.querySelector("label").textContent;
      for (const [text, step] of [["Up", -1], ["Down", 1]]) {
        const button = document.createElement("button");
        button.type = "button";
        button.className = "secondary";
        button.textContent = text;
        button.setAttribute("aria-label", "Move " + label + " " + text.toLowerCase());
        button.addEventListener("click", () => { move(row, step); button.focus(); });
        row.appendChild(button);
      }
      row.querySelector("select").addEventListener("change", (event) => {
        const wanted = parseInt(event.target.value, 10) - 1;
        const rows = [...list.children].filter((other) => other !== row);
        rows.splice(Math.min(wanted, rows.length), 0, row);
        rows.forEach((other) => list.appendChild(other));
        renumber();
        event.target.focus();
      });
    }
  }
}

/** Number keys pick the matching choice when focus is not in a text field. */
function choiceKeys() {
  document.addEventListener("keydown", (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const target = event.target;
    if (target.matches("input[type=text], textarea, select, [contenteditable], .gw-widget *")) return;
    if (!/^[1-9]$/.test(event.key)) return;
    const inputs = document.querySelectorAll(".item .choices input, .item .rating input");
    const input = inputs[parseInt(event.key, 10) - 1];
    if (!input) return;
    if (input.type === "checkbox") input.checked = !input.checked; else input.checked = true;
    input.focus();
    event.preventDefault();
  });
}

/** Text typed but not yet saved survives a reload or a closed tab (kept in this browser only). */
function drafts() {
  const form = document.getElementById("item-form");
  if (!form || !window.localStorage) return;
  const attempt = document.querySelector(".attempt")?.dataset.attempt;
  const item = form.querySelector("input[name=item]")?.value;
  const key = "groundwork-draft-" + attempt + "-" + item;
  const fields = form.querySelectorAll("textarea, input[type=text]");
  let saved = {};
  try { saved = JSON.parse(localStorage.getItem(key) || "{}"); } catch (error) { saved = {}; }
  for (const field of fields) {
    if (saved[field.name] && !field.value) field.value = saved[field.name];
    field.addEventListener("input", () => {
      saved[field.name] = field.value;
      localStorage.setItem(key, JSON.stringify(saved));
    });
  }
  form.addEventListener("submit", () => localStorage.removeItem(key));
  for (const old of Object.keys(localStorage)) {
    if (old.startsWith("groundwork-draft-" + attempt + "-") && old !== key) localStorage.removeItem(old);
  }
}

/** Says something to screen readers. */
function announce(text) {
  let region = document.getElementById("live-region");
  if (!region) {
    region = document.createElement("p");
    region.id = "live-region";
    region.className = "visually-hidden";
    region.setAttribute("aria-live", "polite");
    document.body.appendChild(region);
  }
  region.textContent = text;
}
