// The phone page of Service Camp's room: join with the room code, then follow what the
// projector shows. Everything a participant or the server wrote is put on the page as text
// (textContent), never as HTML.
"use strict";

const TOKEN_KEY = "service-camp-token";
const LANG_KEY = "service-camp-lang";
const app = document.getElementById("app");
const state = {
  lang: localStorage.getItem(LANG_KEY) || "",
  words: {},
  token: localStorage.getItem(TOKEN_KEY) || "",
  code: new URLSearchParams(location.search).get("code") || "",
  view: null,
  lobby: null,
  events: null,
  drafts: {},
};

const t = (key) => state.words[key] || key;

// A logo as shown: a lone symbol gets the emoji-style selector (☀ → ☀️), so phones draw it in
// colour; what is sent back stays the logo itself.
const emoji = (logo) => (logo && [...logo].length === 1 ? logo + "\uFE0F" : logo || "");

function el(tag, props, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = value;
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? "" : value);
  }
  for (const child of children.flat()) if (child) node.append(child);
  return node;
}

let toastTimer = 0;
function toast(text, bad) {
  const box = document.getElementById("toast");
  box.textContent = text;
  box.className = bad ? "bad" : "";
  box.hidden = false;
  clearTimeout(toastTimer);
  toastTimer = setTimeout(() => { box.hidden = true; }, bad ? 4000 : 1600);
}

function connection(text) {
  const bar = document.getElementById("status");
  bar.textContent = text || "";
  bar.hidden = !text;
}

async function loadWords() {
  const query = state.lang ? "?lang=" + encodeURIComponent(state.lang) : "";
  const response = await fetch("/api/strings" + query);
  state.words = await response.json();
  document.documentElement.lang = (state.lang || (state.view && state.view.room.lang) || "zh") === "en" ? "en" : "zh-CN";
  document.getElementById("lang").textContent = t("phone-lang-switch");
}

function headers() {
  const h = { "Content-Type": "application/json" };
  if (state.lang) h["X-Lang"] = state.lang;
  return h;
}

async function readReply(response) {
  let body = {};
  try { body = await response.json(); } catch (_) { /* an empty or broken reply */ }
  return { ok: response.ok, status: response.status, body };
}

// A phone's action: one request id, retried on a dropped network, so it is applied once.
async function act(action, quiet) {
  const id = (crypto.randomUUID ? crypto.randomUUID() : String(Date.now()) + Math.random());
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const response = await fetch("/api/act", {
        method: "POST",
        headers: { ...headers(), "Authorization": "Bearer " + state.token, "X-Request-Id": id },
        body: JSON.stringify(action),
      });
      const reply = await readReply(response);
      if (reply.status === 401) return signOut(reply.body.message);
      if (!reply.ok) { toast(reply.body.message || t("phone-error-busy"), true); return false; }
      if (!quiet) toast(t("phone-saved"));
      return true;
    } catch (_) {
      await new Promise((done) => setTimeout(done, 800 * (attempt + 1)));
    }
  }
  toast(t("phone-reconnecting"), true);
  return false;
}

function signOut(message) {
  localStorage.removeItem(TOKEN_KEY);
  state.token = "";
  state.view = null;
  if (state.events) state.events.close();
  state.events = null;
  if (message) toast(message, true);
  showJoin();
}

// ---- Joining ----

function showJoin() {
  setWho("", t("phone-title"));
  const code = el("input", { class: "code", inputmode: "numeric", autocomplete: "off", maxlength: "8",
    id: "code", value: state.code, "aria-label": t("phone-code-label") });
  const next = el("button", { id: "code-next", text: t("phone-next"), onclick: () => openLobby(code.value) });
  code.addEventListener("keydown", (e) => { if (e.key === "Enter") next.click(); });
  app.replaceChildren(
    el("h1", { text: t("phone-welcome") }),
    el("p", { class: "muted", text: t("phone-code-hint") }),
    el("label", { for: "code", text: t("phone-code-label") }), code, next);
  if (state.code) openLobby(state.code);
}

async function openLobby(code) {
  state.code = code.trim();
  const response = await fetch("/api/lobby?code=" + encodeURIComponent(state.code), { headers: headers() });
  const reply = await readReply(response);
  if (!reply.ok) { toast(reply.body.message || t("phone-error-code"), true); return; }
  state.lobby = reply.body;
  if (!state.lang) { state.lang = reply.body.room.lang; await loadWords(); }
  showTeams();
}

function showTeams() {
  const teams = state.lobby.teams.map((team) => el("button", {
    class: "choice team-choice", "data-team": team.id, onclick: () => showNames(team),
  }, el("span", { class: "logo", text: emoji(team.logo) }), el("span", { text: team.name })));
  app.replaceChildren(el("h1", { text: t("phone-choose-team") }),
    el("p", { class: "muted", text: state.lobby.room.camp }), ...teams);
}

function showNames(team) {
  const name = el("input", { id: "name", maxlength: "24", autocomplete: "name", placeholder: t("phone-type-name") });
  const join = el("button", { id: "join", text: t("phone-join"), onclick: () => joinAs(team, name.value) });
  name.addEventListener("keydown", (e) => { if (e.key === "Enter") join.click(); });
  const members = team.members.map((member) =>
    el("button", { class: "chip member", onclick: () => joinAs(team, member), text: member }));
  app.replaceChildren(
    el("div", { class: "card team-card" }, el("span", { class: "logo", text: emoji(team.logo) }),
      el("div", {}, el("div", { class: "name", text: team.name }), el("div", { class: "line", text: team.slogan }))),
    el("h2", { text: t("phone-who-are-you") }),
    members.length ? el("div", { class: "chips" }, members) : null,
    el("label", { for: "name", text: t("phone-type-name") }), name, join,
    el("button", { class: "secondary", text: t("phone-back"), onclick: showTeams }));
}

async function joinAs(team, name) {
  const response = await fetch("/api/join", {
    method: "POST", headers: headers(), body: JSON.stringify({ code: state.code, team: team.id, name }),
  });
  const reply = await readReply(response);
  if (!reply.ok) { toast(reply.body.message, true); return; }
  state.token = reply.body.token;
  localStorage.setItem(TOKEN_KEY, state.token);
  connect();
}

// ---- Following the projector ----

function connect() {
  if (state.events) state.events.close();
  const events = new EventSource("/api/events?token=" + encodeURIComponent(state.token));
  state.events = events;
  events.addEventListener("snapshot", (e) => { state.view = JSON.parse(e.data); connection(""); render(); });
  events.addEventListener("snapshot", () => { state.observeAt = Date.now(); state.quizAt = Date.now(); });
  events.addEventListener("patch", (e) => {
    const patch = JSON.parse(e.data);
    if ("observe" in patch) state.observeAt = Date.now();
    if ("quiz" in patch) state.quizAt = Date.now();
    Object.assign(state.view, patch);
    render();
  });
  events.addEventListener("signed_out", () => signOut(t("phone-signed-out")));
  events.addEventListener("open", () => connection(""));
  events.addEventListener("error", () => {
    if (leaving) return;
    connection(t("phone-reconnecting"));
    // A dropped network reconnects by itself. A refused stream closes for good: ask whether
    // the token still names a seat (signed out) or the laptop was unreachable (try again).
    if (events.readyState === EventSource.CLOSED) setTimeout(() => checkSeat(events), 1000);
  });
}

async function checkSeat(events) {
  if (state.events !== events) return;
  try {
    const response = await fetch("/api/me", { headers: { ...headers(), "Authorization": "Bearer " + state.token } });
    if (response.status === 401) { signOut(t("phone-signed-out")); return; }
    connect();
  } catch (_) {
    setTimeout(() => checkSeat(events), 3000);
  }
}

// A page being left closes its stream: that is no reason to sign out.
let leaving = false;
addEventListener("pagehide", () => { leaving = true; });
addEventListener("pageshow", () => { leaving = false; });

function setWho(logo, text) {
  document.getElementById("who-logo").textContent = logo;
  document.getElementById("who-text").textContent = text;
}

function myTeam() {
  return state.view.teams.find((team) => team.id === state.view.me.team) || { name: "", logo: "", members: [] };
}

function render() {
  const view = state.view;
  if (!view || !view.me) return;
  if (!state.lang) { state.lang = view.room.lang; loadWords().then(render); return; }
  const team = myTeam();
  setWho(emoji(team.logo), view.me.name + " · " + team.name);
  // Keep what the person is typing when an update arrives.
  const focused = document.activeElement && document.activeElement.id;
  const typed = focused ? document.activeElement.value : null;
  const stage = view.room.stage;
  const body = stage === "team_design" ? teamDesign(team)
    : stage === "vote" ? vote(team)
    : stage === "round" ? roundStage(team)
    : stage === "stories" ? story()
    : stage === "debrief" ? debrief()
    : stage === "quiz" ? quizStage(team)
    : lobby(team);
  app.replaceChildren(el("div", { class: "stage", "data-stage": stage }, body));
  if (focused) {
    const again = document.getElementById(focused);
    if (again) { again.value = typed; again.focus(); }
  }
}

function teamCard(team) {
  return el("div", { class: "card team-card" }, el("span", { class: "logo", text: emoji(team.logo) }),
    el("div", {}, el("div", { class: "name", text: team.name }),
      team.slogan ? el("div", { class: "line", text: "“" + team.slogan + "”" }) : null,
      team.song ? el("div", { class: "line", text: "♪ " + team.song }) : null,
      team.captain ? el("div", { class: "line", text: t("phone-captain") + ": " + team.captain }) : null));
}

function lobby(team) {
  return [el("h1", { text: t("phone-watch") }), el("p", { class: "muted", text: t("phone-lobby") }), teamCard(team)];
}

function field(id, label, value, onsave, max) {
  const input = el("input", { id, maxlength: String(max || 200), value: value || "" });
  const save = () => { if (input.value !== (value || "")) onsave(input.value); };
  input.addEventListener("change", save);
  input.addEventListener("keydown", (e) => { if (e.key === "Enter") input.blur(); });
  return [el("label", { for: id, text: label }), input];
}

function teamDesign(team) {
  const parts = [el("h1", { text: t("phone-stage-team_design") })];
  if (!state.view.me.may_design) {
    return parts.concat(el("p", { class: "muted", text: t("phone-captain-edits") }), teamCard(team));
  }
  const edit = (fieldName) => (text) => act({ do: "team", field: fieldName, text });
  parts.push(el("p", { class: "muted", text: t("phone-design-hint") }));
  parts.push(...field("team-name", t("phone-team-name"), team.name, edit("name"), 24));
  parts.push(...field("team-slogan", t("phone-slogan"), team.slogan, edit("slogan")));
  parts.push(...field("team-song", t("phone-song"), team.song, edit("song")));
  parts.push(el("label", { text: t("phone-logo") }));
  parts.push(el("div", { class: "logos" }, state.view.logos.map((logo) => el("button", {
    class: logo === team.logo ? "chosen" : "", text: emoji(logo), "aria-label": logo, onclick: () => edit("logo")(logo),
  }))));
  if (team.members.length) {
    parts.push(el("label", { text: t("phone-captain") }));
    parts.push(el("div", { class: "chips" }, team.members.map((member) => el("button", {
      class: "chip" + (member === team.captain ? " chosen" : ""), text: (member === team.captain ? "★ " : "") + member,
      onclick: () => edit("captain")(member),
    }))));
  }
  return parts;
}

function vote(team) {
  const v = state.view.vote;
  const parts = [el("h1", { text: t("phone-stage-vote") })];
  const done = v.of ? Math.round((100 * v.voted) / v.of) : 0;
  parts.push(el("p", { class: "muted", id: "vote-count", text: t("phone-voted-count") + " " + v.voted + " / " + v.of }));
  parts.push(el("div", { class: "progress" }, el("div", { style: "width:" + done + "%" })));
  if (v.result) {
    const winner = state.view.teams.find((x) => x.id === v.result.winner);
    parts.push(el("h2", { text: t("phone-winner") }));
    if (winner) parts.push(teamCard(winner));
    return parts;
  }
  if (!v.open) return parts.concat(el("p", { text: t("phone-vote-closed") }));
  parts.push(el("p", { text: t("phone-vote-hint") }));
  for (const other of state.view.teams) {
    if (other.id === team.id) continue;
    parts.push(el("button", {
      class: "choice vote-choice" + (v.mine === other.id ? " chosen" : ""), "data-team": other.id,
      onclick: () => act({ do: "vote", team: other.id }),
    }, el("span", { class: "logo", text: emoji(other.logo) }), el("span", { text: other.name })));
  }
  return parts;
}

function rating(team) {
  const r = state.view.rating;
  const parts = [el("h1", { text: t("phone-stage-round") })];
  if (!r) return parts.concat(el("p", { class: "muted", text: t("phone-rate-wait") }));
  const serving = state.view.teams.find((x) => x.id === r.team) || { logo: "", name: "" };
  parts.push(el("div", { class: "card" }, el("div", { class: "big", text: emoji(serving.logo) + " " + serving.name }),
    el("div", { class: "muted", text: (r.title[state.lang] || r.title.zh) + (r.rep ? " · " + r.rep : "") })));
  if (r.team === team.id) return parts.concat(el("p", { text: t("phone-rate-own") }));
  const draft = state.drafts.rating && state.drafts.rating.round === r.round ? state.drafts.rating
    : { round: r.round, stars: r.stars, comment: r.comment };
  state.drafts.rating = draft;
  parts.push(el("h2", { text: t("phone-rate-title") }));
  parts.push(el("div", { class: "stars" }, [1, 2, 3, 4, 5].map((n) => el("button", {
    class: n <= draft.stars ? "on" : "", text: "★", "aria-label": n + "★", "data-stars": n,
    onclick: () => { draft.stars = n; render(); },
  }))));
  const comment = el("input", { id: "rate-comment", maxlength: "200", value: draft.comment, placeholder: t("phone-comment") });
  comment.addEventListener("input", () => { draft.comment = comment.value; });
  parts.push(el("label", { for: "rate-comment", text: t("phone-comment") }), comment);
  parts.push(el("button", { id: "rate-send", disabled: !draft.stars, text: t("phone-send"),
    onclick: () => act({ do: "rate", round: r.round, stars: draft.stars, comment: draft.comment }) }));
  if (r.stars) parts.push(el("p", { class: "muted", text: t("phone-your-rating") + " " + "★".repeat(r.stars) }));
  return parts;
}

// ---- Observing a round ----

const clockText = (secs) => {
  const whole = Math.max(0, Math.floor(secs));
  return String(Math.floor(whole / 60)).padStart(2, "0") + ":" + String(whole % 60).padStart(2, "0");
};
// A string with its { $name } places filled (the server sends the patterns unfilled).
const words = (key, values) => Object.entries(values).reduce((text, [name, value]) =>
  text.replace(new RegExp("\\{ ?\\$" + name + " ?\\}", "g"), String(value)), t(key));

// The round clock as the laptop read it, run forward on the phone between updates.
function observeClock() {
  const clock = state.view && state.view.observe && state.view.observe.clock;
  if (!clock) return null;
  const passed = (Date.now() - (state.observeAt || Date.now())) / 1000;
  return {
    elapsed: clock.running ? clock.elapsed + passed : clock.elapsed,
    grace: clock.grace_left === null || clock.grace_left === undefined ? null : Math.max(0, clock.grace_left - passed),
  };
}

setInterval(() => {
  const now = observeClock();
  const clock = document.getElementById("observe-clock");
  if (clock && now) clock.textContent = clockText(now.elapsed);
  const grace = document.getElementById("observe-grace");
  if (grace && now && now.grace !== null) grace.textContent = words("phone-observe-grace", { secs: Math.ceil(now.grace) });
}, 250);

function roundStage(team) {
  const o = state.view.observe;
  if (o && o.own && o.running) return [el("h1", { text: t("phone-stage-round") }), el("p", { id: "observe-own", text: t("phone-observe-own") })];
  if (o && o.own) return rating(team);
  if (o && o.open) return observePad(o);
  // The observer's own result comes first: it is what just happened.
  const mine = rating(team);
  if (o && o.result) mine.splice(1, 0, ...observeResult(o));
  else if (o && !o.running) mine.splice(1, 0, el("p", { class: "card muted", id: "observe-closed", text: t("phone-observe-closed") }));
  return mine;
}

function observePad(o) {
  const name = (text) => text[state.lang] || text.zh;
  const mine = (tag) => o.mine.filter(([tapped]) => tapped === tag).length;
  const serving = state.view.teams.find((x) => x.id === o.team) || { logo: "", name: "" };
  const now = observeClock();
  const parts = [
    el("div", { class: "observe-head" }, el("h1", { text: t("phone-observe-title") }),
      el("span", { class: "clock", id: "observe-clock", text: now ? clockText(now.elapsed) : "" })),
    el("div", { class: "muted", text: emoji(serving.logo) + " " + serving.name + " · " + name(o.title) + (o.rep ? " · " + o.rep : "") }),
  ];
  if (now && now.grace !== null) {
    parts.push(el("p", { class: "grace", id: "observe-grace", text: words("phone-observe-grace", { secs: Math.ceil(now.grace) }) }));
  } else {
    parts.push(el("p", { class: "muted", text: t("phone-observe-hint") }));
  }
  for (const group of o.pad) {
    parts.push(el("h2", { text: name(group.title) }));
    parts.push(el("div", { class: "pad " + group.kind }, group.buttons.map((button) => {
      const count = mine(button.tag);
      return el("button", {
        class: "tap" + (count ? " tapped" : ""), "data-tag": button.tag,
        onclick: (e) => { e.currentTarget.classList.add("flash"); act({ do: "observe", round: o.round, tag: button.tag }, true); },
      }, el("span", { text: name(button.name) }), count ? el("span", { class: "count", text: "×" + count }) : null);
    })));
  }
  parts.push(el("p", { class: "muted", id: "observe-taps", text: words("phone-observe-taps", { count: o.mine.length }) }));
  parts.push(el("button", { id: "observe-undo", class: "secondary", disabled: !o.mine.length, text: t("phone-observe-undo"),
    onclick: () => act({ do: "unobserve", round: o.round }, true) }));
  return parts;
}

function observeResult(o) {
  const name = (text) => text[state.lang] || text.zh;
  const r = o.result;
  const parts = [el("h2", { text: t("phone-observe-result-title") })];
  if (r.points !== null) {
    parts.push(el("p", { class: "big", id: "observe-points",
      text: words("phone-observe-result", { points: r.points, agreement: r.agreement }) }));
  }
  const said = (yes) => t(yes ? "phone-observe-saw" : "phone-observe-not");
  // What nobody saw, the observer included, says nothing: only the rest is listed.
  const told = r.items.filter((item) => item.mine || item.consensus);
  parts.push(el("div", { class: "card results" }, told.map((item) => el("div", { class: "result " + (item.mine === item.consensus ? "same" : "differ") },
    el("span", { class: "name", text: name(item.name) }),
    el("span", { text: words("phone-observe-compare", { you: said(item.mine), room: said(item.consensus) }) })))));
  return parts;
}

// The quiz's countdown as the laptop reckoned it, run down on the phone between updates.
function quizLeft() {
  const q = state.view && state.view.quiz;
  if (!q || q.phase !== "asking") return 0;
  return Math.max(0, q.left_ms - (Date.now() - (state.quizAt || Date.now())));
}

const SHAPES = ["▲", "◆", "●", "■"];

function quizStage(team) {
  const q = state.view.quiz;
  if (!q) return lobby(team);
  const lang = state.lang === "en" ? "en" : "zh";
  const parts = [el("div", { class: "observe-head" },
    el("h1", { text: words("phone-quiz-question", { number: q.question + 1, of: q.of }) }),
    q.phase === "asking" ? el("span", { class: "clock", id: "quiz-clock", text: String(Math.ceil(quizLeft() / 1000)) }) : null)];
  parts.push(el("p", { class: "big", id: "quiz-prompt", text: q.prompt[lang] }));
  if (q.line) parts.push(el("p", { class: "card", id: "quiz-line", text: "“" + q.line[lang] + "”" }));
  const order = q.kind === "order";
  if (q.phase === "asking" && !q.mine) {
    if (order) {
      const picked = state.quizOrder && state.quizOrder.key === q.number + "/" + q.question ? state.quizOrder.places : [];
      state.quizOrder = { key: q.number + "/" + q.question, places: picked };
      parts.push(el("p", { class: "muted", text: t("phone-quiz-order-hint") }));
      parts.push(el("div", { class: "quiz-pad order" }, q.choices.map((choice, place) => {
        const at = picked.indexOf(place);
        return el("button", { class: "quiz-choice" + (at >= 0 ? " picked" : ""), "data-place": place, disabled: at >= 0,
          onclick: () => { picked.push(place); render(); } },
          el("span", { class: "rank", text: at >= 0 ? String(at + 1) : "" }), el("span", { text: choice[lang] }));
      })));
      parts.push(el("div", { class: "row" },
        el("button", { class: "secondary", id: "quiz-clear", disabled: !picked.length, text: t("phone-quiz-clear"),
          onclick: () => { picked.length = 0; render(); } }),
        el("button", { id: "quiz-send", disabled: picked.length !== q.choices.length, text: t("phone-quiz-send"),
          onclick: () => act({ do: "answer", quiz: q.number, question: q.question, places: picked.slice() }, true) })));
    } else {
      parts.push(el("div", { class: "quiz-pad" }, q.choices.map((choice, place) =>
        el("button", { class: "quiz-choice q" + (place % 4), "data-place": place,
          onclick: () => act({ do: "answer", quiz: q.number, question: q.question, places: [place] }, true) },
          el("span", { class: "shape", text: (place + 1) + " " + SHAPES[place % 4] }), el("span", { text: choice[lang] })))));
    }
    if (q.mode === "teams") parts.push(el("p", { class: "muted", text: t("phone-quiz-team-answers") }));
    return parts;
  }
  const mine = q.mine || [];
  const right = q.result ? q.result.right : [];
  const shown = order ? (q.result ? right : mine) : mine;
  const list = el("div", { class: "quiz-pad" + (order ? " order" : "") }, (order ? shown : q.choices.map((_, i) => i)).map((place, at) => {
    const classes = ["quiz-choice", order ? "" : "q" + (place % 4)];
    if (mine.includes(place) && !order) classes.push("picked");
    if (q.result && !order && !right.includes(place)) classes.push("dim");
    return el("div", { class: classes.join(" ") },
      el("span", { class: order ? "rank" : "shape", text: order ? String(at + 1) : (place + 1) + " " + SHAPES[place % 4] }),
      el("span", { text: q.choices[place][lang] }),
      q.result && !order && right.includes(place) ? el("span", { class: "mark", text: "✓" }) : null);
  }));
  if (!q.result) {
    parts.push(el("p", { class: "card big", id: "quiz-waiting", text: t(q.mine ? "phone-quiz-answered" : "phone-quiz-closed") }));
    parts.push(list);
    return parts;
  }
  const r = q.result;
  const verdict = !q.mine ? "phone-quiz-none" : r.share >= 1 ? "phone-quiz-right" : r.share > 0 ? "phone-quiz-partly" : "phone-quiz-wrong";
  parts.push(el("p", { class: "card big verdict " + (r.share >= 1 ? "good" : "bad"), id: "quiz-verdict",
    text: t(verdict) + " · " + words("phone-quiz-points", { points: r.points }) }));
  if (r.streak >= 2) parts.push(el("p", { class: "muted", text: words("phone-quiz-streak", { streak: r.streak }) }));
  if (order) parts.push(el("h2", { text: t("phone-quiz-right-order") }));
  parts.push(list);
  parts.push(el("p", { class: "card", id: "quiz-explanation", text: r.explanation[lang] }));
  if (r.place) parts.push(el("p", { class: "big", id: "quiz-total", text: words("phone-quiz-total", { total: r.total, place: r.place, of: r.of }) }));
  return parts;
}

setInterval(() => {
  const clock = document.getElementById("quiz-clock");
  if (clock) clock.textContent = String(Math.ceil(quizLeft() / 1000));
}, 250);

function story() {
  const mine = state.view.story || { place: "", good: "", bad: "", come_back: null, recommend: null };
  const draft = state.drafts.story || (state.drafts.story = { ...mine });
  const parts = [el("h1", { text: t("phone-stage-stories") }), el("p", { class: "muted", text: t("phone-stories-hint") })];
  const text = (id, key, field) => {
    const input = el("textarea", { id, rows: "2", maxlength: "200" });
    input.value = draft[field] || "";
    input.addEventListener("input", () => { draft[field] = input.value; });
    return [el("label", { for: id, text: t(key) }), input];
  };
  parts.push(...text("story-place", "phone-story-place", "place"));
  parts.push(...text("story-good", "phone-story-good", "good"));
  parts.push(...text("story-bad", "phone-story-bad", "bad"));
  const choice = (key, field) => [el("label", { text: t(key) }), el("div", { class: "row" },
    [true, false].map((yes) => el("button", {
      class: "choice " + field + (draft[field] === yes ? " chosen" : ""), "data-yes": String(yes),
      text: t(yes ? "phone-yes" : "phone-no"), onclick: () => { draft[field] = yes; render(); },
    })))];
  parts.push(...choice("phone-story-come-back", "come_back"));
  parts.push(...choice("phone-story-recommend", "recommend"));
  parts.push(el("button", { id: "story-send", text: t("phone-send"), onclick: () => act({
    do: "story", place: draft.place || "", good: draft.good || "", bad: draft.bad || "",
    come_back: draft.come_back, recommend: draft.recommend,
  }) }));
  return parts;
}

function debrief() {
  const d = state.view.debrief;
  const [takeaways, tools, actions] = d.shape;
  const line = (part, index) => (text) => act({ do: "debrief", part, index, text });
  const parts = [el("h1", { text: t("phone-stage-debrief") }), el("p", { class: "muted", text: t("phone-debrief-hint") })];
  parts.push(el("h2", { text: takeaways + " · " + t("phone-takeaways") }));
  for (let i = 0; i < takeaways; i++) parts.push(...field("takeaway-" + i, (i + 1) + ".", d.takeaways[i], line("takeaway", i)));
  parts.push(el("h2", { text: tools + " · " + t("phone-tools") }));
  for (let i = 0; i < tools; i++) {
    parts.push(...field("tool-" + i, (i + 1) + ".", d.tools[i], line("tool", i)));
  }
  // A chip fills the first empty tool line (the last one when all are full).
  parts.push(el("div", { class: "chips" }, d.tool_chips.map((chip) => el("button", {
    class: "chip", text: chip, onclick: () => {
      let index = 0;
      while (index < tools - 1 && d.tools[index]) index++;
      line("tool", index)(chip);
    },
  }))));
  parts.push(el("h2", { text: actions + " · " + t("phone-action") }));
  for (let i = 0; i < actions; i++) {
    const plan = d.actions[i] || ["", "", ""];
    parts.push(...field("action-what-" + i, t("phone-action-what"), plan[0], line("action_what", i)));
    parts.push(el("div", { class: "row" },
      el("div", {}, ...field("action-by-" + i, t("phone-action-by"), plan[1], line("action_by_when", i))),
      el("div", {}, ...field("action-checker-" + i, t("phone-action-checker"), plan[2], line("action_checker", i)))));
  }
  return parts;
}

document.getElementById("lang").addEventListener("click", async () => {
  const current = state.lang || (state.view ? state.view.room.lang : "zh");
  state.lang = current === "en" ? "zh" : "en";
  localStorage.setItem(LANG_KEY, state.lang);
  await loadWords();
  if (state.view) render(); else if (state.lobby) showTeams(); else showJoin();
});

(async function start() {
  await loadWords();
  if (state.token) connect(); else showJoin();
})();
