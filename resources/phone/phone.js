// The phone page of CollabDesk (docs/phone-api.md). No inline script, no HTML from data:
// every piece of text is set with textContent. A phone on http://192.168... is not a secure
// context, so keys come from crypto.getRandomValues (the UUID helper is missing there).
"use strict";

const API = "/api/v1";
const TOKEN = "collabdesk.token";
const PENDING = "collabdesk.pending";  // notes typed and not yet acknowledged: kept across reloads
const SAVED = "collabdesk.saved";
const $ = (id) => document.getElementById(id);

let state = null;
let socket = null;
let retryMs = 1000;
let flushing = false;
let deadline = null;
let editing = null;  // the key of the note being changed (the list is not redrawn under the person typing)
let confirming = null;  // the key of the note whose withdrawal waits for a second tap

function load(name) {
  try { return JSON.parse(localStorage.getItem(name) || "[]"); } catch (e) { return []; }
}
function keep(name, value) { localStorage.setItem(name, JSON.stringify(value)); }

function newKey() {
  const bytes = new Uint8Array(16);
  if (window.crypto && crypto.getRandomValues) {
    crypto.getRandomValues(bytes);
  } else {
    for (let i = 0; i < bytes.length; i++) bytes[i] = Math.floor(Math.random() * 256);
  }
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}

function say(text) { $("message").textContent = text || ""; }
function connection(text) { $("connection").textContent = text; }

function show(section) {
  for (const id of ["join", "names", "room"]) $(id).hidden = id !== section;
}

async function call(method, path, body) {
  const headers = { "Content-Type": "application/json" };
  const token = localStorage.getItem(TOKEN);
  if (token) headers["X-CollabDesk-Token"] = token;
  const response = await fetch(API + path, {
    method, headers, body: body === undefined ? undefined : JSON.stringify(body),
    cache: "no-store", credentials: "omit",
  });
  let data = {};
  try { data = await response.json(); } catch (e) { data = {}; }
  return { status: response.status, data };
}

function forget() {
  localStorage.removeItem(TOKEN);
  if (socket) socket.close();
}

async function join(code) {
  const { status, data } = await call("POST", "/join", { code });
  if (status !== 200) {
    say(data.message || "The room did not answer. Check you are on the room's Wi-Fi.");
    show("join");
    return;
  }
  localStorage.setItem(TOKEN, data.token);
  say("");
  history.replaceState(null, "", "/");  // the code leaves the address bar (and the history)
  connect();
}

function render(next) {
  state = next;
  $("workshop").textContent = state.workshop || "";
  if (!state.claimed) {
    renderNames();
    show("names");
    return;
  }
  show("room");
  const exercise = state.exercise;
  $("exercise").hidden = !exercise;
  if (exercise) {
    $("domain").textContent = exercise.domain || "";
    $("exercise").style.borderLeftColor = /^#[0-9a-fA-F]{6}$/.test(exercise.colour || "") ? exercise.colour : "";
    $("exercise-title").textContent = exercise.title || "";
    $("prompt").textContent = exercise.prompt || "";
    deadline = exercise.running ? Date.now() + exercise.seconds_left * 1000 : null;
    tick();
  }
  $("paused").hidden = !state.paused;
  for (const note of state.notes || []) acknowledge(note);
  renderMine();
  renderVote(state);  // ballot.js
}

function tick() {
  const exercise = state && state.exercise;
  if (!exercise) return;  // a paused timer keeps the time the laptop last sent; a running one counts down
  const seconds = deadline === null ? exercise.seconds_left : Math.round((deadline - Date.now()) / 1000);
  if (seconds === undefined || seconds === null) { $("time-left").textContent = ""; return; }
  const over = seconds < 0;
  const s = Math.abs(seconds);
  const clock = Math.floor(s / 60) + ":" + String(s % 60).padStart(2, "0");
  $("time-left").textContent = (over ? "Over time by " : "Time left ") + clock + (deadline === null ? " (paused)" : "");
}

function renderNames() {
  nameButtons($("name-list"), state.participants || []);
  $("anonymous").hidden = !state.anonymous;
}

// `list` filled with a button per person, each claiming that name (also ballot.js's, to vote).
function nameButtons(list, people) {
  list.replaceChildren();
  for (const person of people) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = person.name;
    button.addEventListener("click", () => claim(person.id));
    item.append(button);
    list.append(item);
  }
}

async function claim(participant) {
  const { status, data } = await call("POST", "/claim", { participant });
  if (status === 200) { say(""); render(data); } else { handleRefusal(status, data); }
}

function acknowledge(note) {
  const pending = load(PENDING).filter((p) => p.key !== note.key);
  keep(PENDING, pending);
  const saved = load(SAVED);
  const at = saved.findIndex((s) => s.key === note.key);
  if (at >= 0) { saved[at] = note; } else { saved.push(note); }  // as the laptop has it now (edited, hidden)
  keep(SAVED, saved.slice(-200));
}

function forgetNote(key) {
  keep(SAVED, load(SAVED).filter((s) => s.key !== key));
  keep(PENDING, load(PENDING).filter((p) => p.key !== key));
}

// A participant may change their own note while it is on the board, its exercise is on, and
// the facilitator allows changes; the laptop checks the same again.
function changeable(note) {
  return Boolean(state && state.changes && state.exercise && note.status === "saved" &&
                 note.exercise === state.exercise.id);
}

function button(label, action) {
  const made = document.createElement("button");
  made.type = "button";
  made.textContent = label;
  made.addEventListener("click", action);
  return made;
}

function paragraph(className, text) {
  const made = document.createElement("p");
  made.className = className;
  made.textContent = text;
  return made;
}

const KIND_NAMES = { note: "Note", idea: "Idea", question: "Question" };

function renderMine() {
  if (editing) return;  // redrawn when the change is saved or cancelled
  $("mine-hint").textContent = !state || !state.exercise ? ""
    : state.changes ? "You can edit or withdraw your notes while this exercise is on."
    : "The facilitator has closed changes: your notes stay as they are.";
  const list = $("mine");
  list.replaceChildren();
  const rows = [
    ...load(SAVED).map((n) => ({ ...n, label: n.status === "hidden" ? "Hidden by the facilitator" : "Saved" })),
    ...load(PENDING).map((n) => ({ ...n, label: n.problem ? "Not sent: " + n.problem : "Sending…" })),
  ];
  for (const note of rows.reverse()) {
    const item = document.createElement("li");
    item.dataset.key = note.key;
    if (note.problem) item.className = "failed";
    if (note.status === "hidden") item.className = "hidden-note";
    item.append(paragraph("text", note.text), paragraph("state", (KIND_NAMES[note.kind] || note.kind) + " · " + note.label));
    const actions = document.createElement("div");
    actions.className = "actions";
    if (confirming === note.key) {
      actions.append(paragraph("confirm", "Take this note off the board?"),
                     button("Withdraw note", () => withdraw(note.key)),
                     button("Keep it", () => { confirming = null; renderMine(); focusNote(note.key); }));
    } else if (changeable(note)) {
      actions.append(button("Edit", () => startEditing(item, note)),
                     button("Withdraw", () => { confirming = note.key; renderMine(); focusNote(note.key, true); }));
    } else if (note.problem) {
      actions.append(button("Discard", () => { forgetNote(note.key); renderMine(); }));
    }
    if (actions.childElementCount) item.append(actions);
    list.append(item);
  }
}

// After an edit or a second tap, the keyboard (and a screen reader) stays on that note.
function focusNote(key, safest = false) {
  const item = Array.from($("mine").children).find((li) => li.dataset.key === key);
  const buttons = item ? item.querySelectorAll("button") : [];
  const target = buttons[safest ? buttons.length - 1 : 0];  // "Keep it", not "Withdraw note", when asked
  if (target) target.focus();
}

function startEditing(item, note) {
  editing = note.key;
  const form = document.createElement("form");
  const label = document.createElement("label");
  label.htmlFor = "edit-text";
  label.textContent = "Change your note";
  const box = document.createElement("textarea");
  box.id = "edit-text";
  box.rows = 4;
  box.maxLength = 20000;
  box.value = note.text;
  const save = document.createElement("button");
  save.type = "submit";
  save.textContent = "Save change";
  form.append(label, box, save, button("Cancel", () => { editing = null; renderMine(); focusNote(note.key); }));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    saveChange(note, box.value);
  });
  item.replaceChildren(form);
  box.focus();
}

async function saveChange(note, text) {
  if (!text.trim()) { say("A note cannot be empty: withdraw it instead."); return; }
  let reply;
  try {
    reply = await call("PATCH", "/notes/" + encodeURIComponent(note.key), { text, kind: note.kind });
  } catch (e) {
    say("The laptop did not answer: your change is not saved yet. Try again.");
    return;
  }
  if (reply.status === 200) {
    acknowledge(reply.data);
    say("");
  } else {
    refusedChange(note.key, reply);
    if (reply.status === 400 || reply.status === 409 || reply.status === 429) return;  // still editing
  }
  editing = null;
  renderMine();
  focusNote(note.key);
}

async function withdraw(key) {
  confirming = null;
  let reply;
  try {
    reply = await call("DELETE", "/notes/" + encodeURIComponent(key));
  } catch (e) {
    say("The laptop did not answer: the note is still on the board. Try again.");
    renderMine();
    return;
  }
  if (reply.status === 200) { forgetNote(key); say("Your note was taken off the board."); }
  else { refusedChange(key, reply); }
  renderMine();
}

function refusedChange(key, reply) {
  if (reply.data.error === "hidden") {
    const note = load(SAVED).find((s) => s.key === key);
    if (note) acknowledge({ ...note, status: "hidden" });
  }
  if (reply.status === 401) { handleRefusal(reply.status, reply.data); return; }
  say(reply.data.message || "The laptop could not make that change.");
}

function handleRefusal(status, data) {
  if (status === 401 || data.error === "version") {
    forget();
    show("join");
  }
  say(data.message || "The laptop did not answer. Your notes are kept and sent when it does.");
}

async function flush() {
  if (flushing || !localStorage.getItem(TOKEN)) return;
  flushing = true;
  try {
    for (const note of load(PENDING)) {
      if (note.problem) continue;
      let reply;
      try {
        reply = await call("POST", "/notes", { key: note.key, text: note.text, kind: note.kind });
      } catch (e) {
        connection("Not connected: your notes are kept and sent when the laptop is back.");
        break;
      }
      if (reply.status === 201) {
        acknowledge(reply.data);
      } else if (reply.status === 400 || reply.status === 413) {
        keep(PENDING, load(PENDING).map((p) => (p.key === note.key ? { ...p, problem: reply.data.message } : p)));
      } else {
        handleRefusal(reply.status, reply.data);
        break;  // rate, pause, a full room or a restart: try again later, in order
      }
      renderMine();
    }
  } finally {
    flushing = false;
    renderMine();
  }
}

function connect() {
  if (!localStorage.getItem(TOKEN)) { show("join"); connection(""); return; }
  if (socket && socket.readyState <= 1) return;
  socket = new WebSocket((location.protocol === "https:" ? "wss://" : "ws://") + location.host + API + "/live");
  socket.addEventListener("open", () => {
    socket.send(JSON.stringify({ token: localStorage.getItem(TOKEN) }));
  });
  socket.addEventListener("message", (event) => {
    let message;
    try { message = JSON.parse(event.data); } catch (e) { return; }
    if (message.type === "state") {
      retryMs = 1000;
      connection("Connected");
      render(message);
      flush();
    } else if (message.type === "vote" && state) {
      state = { ...state, vote: message.vote };
      renderVote(state);  // ballot.js
    } else if (message.type === "error") {
      handleRefusal(401, message);
    }
  });
  socket.addEventListener("close", () => {
    connection("Reconnecting…");
    if (localStorage.getItem(TOKEN)) setTimeout(connect, retryMs);
    retryMs = Math.min(retryMs * 2, 15000);
  });
}

function start() {
  $("join-form").addEventListener("submit", (event) => {
    event.preventDefault();
    join($("code").value.trim());
  });
  $("anonymous").addEventListener("click", () => claim(null));
  $("note-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("note-text").value;
    if (!text.trim()) return;
    const kind = document.querySelector("input[name=kind]:checked").value;
    const pending = load(PENDING);
    pending.push({ key: newKey(), text, kind });
    keep(PENDING, pending);  // kept before it is sent: a dropped Wi-Fi or a sleeping phone loses nothing
    $("note-text").value = "";
    renderMine();
    flush();
  });
  setInterval(() => tick(), 1000);
  setInterval(flush, 5000);
  const code = new URLSearchParams(location.search).get("code");
  if (code && !localStorage.getItem(TOKEN)) { join(code); } else { connect(); }
  if (!code && !localStorage.getItem(TOKEN)) show("join");
}

document.addEventListener("DOMContentLoaded", start);
