// Voting from the phone (docs/phone-api.md, "Voting"). Loaded after phone.js, whose helpers
// ($, call, say, nameButtons, handleRefusal, connection, TOKEN) it uses; phone.js calls renderVote with
// each state. Text is set with textContent only. A ballot is kept in local storage until the
// laptop acknowledges it, and sent again on reconnect, like a note.
"use strict";

const BALLOT = "collabdesk.ballot";  // {round, dots}: pressed "Save", not yet acknowledged

let vote = null;  // the state's vote, as the laptop last sent it
let draft = {};  // this phone's dots on the page: {"note:12": 2}
let draftRound = null;
let edited = false;  // the voter changed the dots since the last saved ballot
let ballotSending = false;
let shownItems = "";  // the cards on the page, so a push that does not change them keeps focus
let shownNames = "";  // likewise the names to choose from

function pendingBallot() {
  try { return JSON.parse(localStorage.getItem(BALLOT) || "null"); } catch (e) { return null; }
}

function plural(n, one, many) { return n + " " + (n === 1 ? one : many); }

function sameDots(a, b) {
  const keys = new Set([...Object.keys(a || {}), ...Object.keys(b || {})]);
  for (const key of keys) if ((a[key] || 0) !== (b[key] || 0)) return false;
  return true;
}

function placed() { return Object.values(draft).reduce((sum, n) => sum + n, 0); }

function savedDots() { return vote && vote.mine && vote.mine.status === "voted" ? vote.mine.dots : {}; }

function canVote() {
  return vote && vote.mode === "ballot" && vote.open && !vote.revealed && vote.mine &&
    (vote.mine.status === "to_vote" || vote.mine.status === "voted");
}

// Why one more dot on `key` would break the round's rules, in the voter's words ("" if it would not).
function whyNoMore(key) {
  if (vote.dots - placed() <= 0) return "All your dots are placed. Take one off another card to move it here.";
  if (vote.cap && (draft[key] || 0) >= vote.cap) {
    return "This vote allows at most " + plural(vote.cap, "dot", "dots") + " on one card.";
  }
  return "";
}

function rulesText() {
  const cap = vote.cap === 1 ? "no more than one on a card"
    : vote.cap ? "at most " + vote.cap + " on one card" : "as many as you like on one card";
  return "You have " + plural(vote.dots, "dot", "dots") + " to place on the " +
    (vote.target === "themes" ? "themes" : "notes") + ", " + cap + ".";
}

function renderVote(state) {
  vote = state.vote || null;
  $("vote").hidden = !vote;
  if (!vote) return;
  $("vote-title").textContent = vote.title;
  if (vote.round !== draftRound) {
    const pending = pendingBallot();
    if (pending && pending.round !== vote.round) {  // that vote ended before the laptop could take it
      localStorage.removeItem(BALLOT);
      say("Your last vote could not reach the laptop before that vote ended, so it was not counted.");
    }
    draftRound = vote.round;
    draft = pending && pending.round === vote.round ? { ...pending.dots } : { ...savedDots() };
    edited = !!(pending && pending.round === vote.round);
    shownItems = "";
  } else if (!edited && !pendingBallot()) {
    draft = { ...savedDots() };  // e.g. the facilitator reopened this ballot: it starts again
  }
  renderBallot(state);
  renderResults();
  flushBallot();
}

function renderBallot(state) {
  const ballot = vote.mode === "ballot" && !vote.revealed;
  const status = (vote.mine && vote.mine.status) || "";
  const showCards = ballot && ((status === "to_vote" && vote.open) || status === "voted");
  $("vote-rules").textContent = ballot && vote.open ? rulesText() : "";
  $("vote-rules").hidden = !(ballot && vote.open);
  let note = "";
  if (vote.mode === "tally" && !vote.revealed) {
    note = "The facilitator counts the dots for this vote. The results appear here when they are shown.";
  } else if (ballot && status === "name") {
    note = "Each person votes once, under their own name. Choose your name to vote.";
  } else if (ballot && status === "not_voter") {
    note = "Your name is not on this vote's list of voters. Ask the facilitator if you should vote.";
  } else if (ballot && status === "voted_elsewhere") {
    note = "You have voted in this round (on the laptop or another phone). To vote again, ask the facilitator.";
  } else if (ballot && !vote.open) {
    note = "Voting is closed. The results appear here when the facilitator shows them.";
  }
  $("vote-note").textContent = note;
  $("vote-note").hidden = !note;
  renderNameChoice(ballot && status === "name" ? state.participants || [] : []);
  $("vote-ballot").hidden = !showCards;
  if (!showCards) return;
  renderCards();
  updateBallot();
}

// A phone that joined without a name chooses one here to vote (phone.js's claim).
function renderNameChoice(people) {
  $("vote-names").hidden = people.length === 0;
  const signature = JSON.stringify(people);
  if (signature === shownNames) return;
  shownNames = signature;
  nameButtons($("vote-names"), people);
}

function renderCards() {
  const signature = JSON.stringify(vote.items || []);
  if (signature === shownItems) return;
  shownItems = signature;
  const list = $("vote-items");
  list.replaceChildren();
  (vote.items || []).forEach((item, index) => {
    const row = document.createElement("li");
    row.className = "card";
    row.dataset.key = item.key;
    const text = document.createElement("p");
    text.className = "card-text";
    text.id = "vote-item-" + index;
    text.dir = "auto";  // a card in Arabic or Hebrew reads from the right
    text.textContent = item.text;
    const group = document.createElement("div");
    group.className = "dots";
    group.setAttribute("role", "group");
    group.setAttribute("aria-labelledby", text.id);
    const less = document.createElement("button");
    less.type = "button";
    less.className = "less";
    less.textContent = "−";
    less.setAttribute("aria-label", "Take a dot off");
    less.addEventListener("click", () => change(item.key, -1));
    const count = document.createElement("span");
    count.className = "count";
    const more = document.createElement("button");
    more.type = "button";
    more.className = "more";
    more.textContent = "+";
    more.setAttribute("aria-label", "Add a dot");
    more.addEventListener("click", () => change(item.key, 1));
    group.append(less, count, more);
    row.append(text, group);
    list.append(row);
  });
  // Dots on a card that is no longer in the vote (deleted on the board) are not kept.
  const keys = new Set((vote.items || []).map((item) => item.key));
  for (const key of Object.keys(draft)) if (!keys.has(key)) delete draft[key];
}

function updateBallot() {
  const open = canVote();
  for (const row of $("vote-items").children) {
    const key = row.dataset.key;
    const dots = draft[key] || 0;
    row.querySelector(".count").textContent = plural(dots, "dot", "dots");
    row.classList.toggle("chosen", dots > 0);
    const less = row.querySelector(".less");
    const more = row.querySelector(".more");
    less.hidden = more.hidden = !open;
    less.setAttribute("aria-disabled", String(dots === 0));
    more.setAttribute("aria-disabled", String(!!whyNoMore(key)));
  }
  const left = vote.dots - placed();
  $("vote-left").textContent = open ? plural(left, "dot", "dots") + " left of " + vote.dots : "";
  const pending = pendingBallot();
  const saved = vote.mine && vote.mine.status === "voted";
  const changed = !sameDots(draft, savedDots());
  $("vote-save").hidden = !open;
  $("vote-save").disabled = ballotSending || !!pending || (saved && !changed);
  $("vote-save").textContent = saved ? "Save my changes" : "Save my vote";
  let words = "";
  if (pending) words = ballotSending ? "Sending…" : "Sending… (kept on this phone until the laptop answers)";
  else if (saved && !open) words = "Your vote is saved.";
  else if (saved && !changed) words = "Saved. You can change your vote until the vote closes.";
  else if (saved) words = "Changed: not saved yet.";
  else if (open) words = "Not sent yet.";
  $("vote-state").textContent = words;
}

function change(key, step) {
  if (!canVote()) return;
  if (step > 0) {
    const why = whyNoMore(key);
    if (why) { $("vote-left").textContent = why; return; }
  } else if (!draft[key]) {
    return;
  }
  draft[key] = (draft[key] || 0) + step;
  if (!draft[key]) delete draft[key];
  edited = true;
  updateBallot();
}

function saveBallot() {
  if (!canVote()) return;
  localStorage.setItem(BALLOT, JSON.stringify({ round: vote.round, dots: draft }));
  updateBallot();
  flushBallot();
}

async function flushBallot() {
  const pending = pendingBallot();
  if (ballotSending || !pending || !localStorage.getItem(TOKEN)) return;
  ballotSending = true;
  if (vote) updateBallot();
  let reply = null;
  try {
    reply = await call("POST", "/ballot", pending);
  } catch (e) {
    connection("Not connected: your vote is kept and sent when the laptop is back.");
  } finally {
    ballotSending = false;
  }
  if (reply && reply.status === 200) {
    localStorage.removeItem(BALLOT);
    edited = false;
    if (vote && vote.round === reply.data.round) {
      vote.mine = { status: "voted", dots: reply.data.dots };
      draft = { ...reply.data.dots };
    }
    say("");
  } else if (reply && [400, 403, 409].includes(reply.status)) {
    localStorage.removeItem(BALLOT);  // it cannot be taken as it is: the voter sees why and decides
    say(reply.data.message || "The laptop did not take this vote.");
  } else if (reply && reply.status === 401) {
    handleRefusal(reply.status, reply.data);
  } else if (reply) {
    say(reply.data.message || "The laptop did not answer. Your vote is kept and sent when it does.");
  }
  if (vote) updateBallot();
}

function renderResults() {
  const list = $("vote-results");
  list.replaceChildren();
  const shown = !!vote.revealed;
  $("vote-results-box").hidden = !shown;
  if (!shown) return;
  const lines = vote.results || [];
  $("vote-results-none").hidden = lines.length > 0;
  const top = Math.max(1, ...lines.map((line) => line.dots));
  for (const line of lines) {
    const row = document.createElement("li");
    const rank = document.createElement("span");
    rank.className = "rank";
    rank.textContent = (line.shared ? "=" : "") + line.rank;
    const text = document.createElement("p");
    text.className = "card-text";
    text.dir = "auto";
    text.textContent = line.text;
    const dots = document.createElement("p");
    dots.className = "result-dots";
    const bar = document.createElement("span");
    bar.className = "bar";
    bar.style.width = Math.round((line.dots / top) * 100) + "%";
    const count = document.createElement("span");
    count.className = "result-count";
    count.textContent = plural(line.dots, "dot", "dots");
    dots.append(bar, count);
    row.append(rank, text, dots);
    list.append(row);
  }
}

document.addEventListener("DOMContentLoaded", () => {
  $("vote-save").addEventListener("click", saveBallot);
  setInterval(flushBallot, 5000);
});
