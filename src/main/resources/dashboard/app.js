'use strict';
// Every string that came from an article reaches the page through textContent, never innerHTML,
// so markup inside news text is shown as text. Links are made only from http(s) URLs.

const MAX_ALERTS = 100;
const TOKEN = new URLSearchParams(location.search).get('access_token');

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === 'class') node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) {
    if (c === null || c === undefined) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
  return node;
}

function link(url, text) {
  return /^https?:\/\//i.test(url || '') ? el('a', { href: url, rel: 'noopener noreferrer', target: '_blank' }, text) : null;
}

// the API token, when the page was opened with one, goes along on every request
function api(path) {
  if (!TOKEN) return path;
  return path + (path.includes('?') ? '&' : '?') + 'access_token=' + encodeURIComponent(TOKEN);
}

function name(p) { return (p && (p.name || p.id)) || '?'; }
function where(e) { return [e.location, e.host_country].filter(Boolean).join(', ') || '—'; }
function others(e) {
  const actor = e.actor && e.actor.id;
  return (e.participants || []).filter(p => p.id !== actor).map(name);
}
function headline(e) {
  if (e.type === 'VISIT') return `${name(e.actor)} visits ${where(e)}`;
  const verb = { MEETING: 'meets', CALL: 'calls', AGREEMENT: 'signs with' }[e.type] || e.type;
  return `${name(e.actor)} ${verb} ${others(e).join(', ') || '?'}${e.host_country ? ' in ' + where(e) : ''}`;
}
function when(e) { return e.date ? (e.date_end ? `${e.date} – ${e.date_end}` : e.date) : 'undated'; }

async function getJson(path) {
  const r = await fetch(api(path), { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

function sum(obj) { return Object.values(obj || {}).reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0); }
function byStatus(obj) {
  const entries = Object.entries(obj || {});
  return entries.length ? entries.map(([s, n]) => `${n} ${s.toLowerCase()}`).join(', ') : '';
}
function cell(obj) { return el('td', { class: 'n', title: byStatus(obj) }, sum(obj)); }

function renderAlert(a) {
  const e = a.event || {};
  const change = a.kind === 'STATUS_CHANGED' ? `${a.previous_status} → ${a.status}` : a.status;
  const li = el('li', { 'data-event': a.event_id || '' },
    el('span', { class: `tag ${a.kind}` }, a.kind === 'NEW_EVENT' ? 'NEW' : 'STATUS'),
    el('span', { class: 'headline' }, headline(e)), ' ', el('span', { class: 'status' }, change),
    el('div', { class: 'meta' }, [when(e), e.occasion, a.published_at && `reported ${a.published_at}`].filter(Boolean).join(' · '),
      ' ', link((e.urls || [])[0], 'source')));
  const list = document.getElementById('alerts');
  list.prepend(li);
  while (list.children.length > MAX_ALERTS) list.lastChild.remove();
}

async function loadUpcoming() {
  const page = await getJson('/api/events?type=VISIT&status=SPECULATED,INVITED,PLANNED&sort=date&size=50');
  const body = document.querySelector('#upcoming tbody');
  body.replaceChildren(...(page.items || []).map(e =>
    el('tr', {}, el('td', {}, when(e)), el('td', {}, name(e.actor)), el('td', {}, where(e)), el('td', {}, e.occasion || ''),
      el('td', {}, el('span', { class: 'status' }, e.status)))));
}

let selectedLeader = null;

async function loadLeaders() {
  const rows = await getJson('/api/leaders?sort=activity');
  const body = document.querySelector('#leaders tbody');
  body.replaceChildren(...rows.map(r => {
    const last = r.last_activity;
    const tr = el('tr', { class: 'pick' + (r.leader_id === selectedLeader ? ' sel' : ''), 'data-leader': r.leader_id },
      el('td', {}, r.name || r.leader_id), el('td', {}, r.country || ''),
      cell(r.visits_abroad), cell(r.hosted), cell(r.meetings), cell(r.calls), cell(r.agreements),
      el('td', {}, last ? `${when(last)} · ${headline(last)}` : '—'));
    tr.addEventListener('click', () => showTimeline(r.leader_id));
    return tr;
  }));
  if (selectedLeader) showTimeline(selectedLeader).catch(err => console.warn(err));
}

async function showTimeline(id) {
  selectedLeader = id;
  document.querySelectorAll('#leaders tr').forEach(t => t.classList.toggle('sel', t.dataset.leader === id));
  const data = await getJson(`/api/leaders/${encodeURIComponent(id)}`);
  document.getElementById('timeline-title').textContent = `Timeline — ${(data.activity && data.activity.name) || id}`;
  document.getElementById('timeline-hint').hidden = true;
  document.getElementById('timeline').replaceChildren(...(data.timeline || []).map(e => el('li', { 'data-event': e.event_id },
    el('span', { class: 'status' }, e.status), ' ', when(e), ' · ', e.type.toLowerCase(), ' · ',
    el('span', { class: 'headline' }, headline(e)),
    el('div', { class: 'meta' }, [e.occasion, `${e.sources} source(s)`,
      (e.status_history || []).map(h => h.status.toLowerCase()).join(' → ')].filter(Boolean).join(' · '),
      ' ', link((e.urls || [])[0], 'source')),
    (e.evidence || []).length ? el('div', { class: 'evidence' }, `“${e.evidence[e.evidence.length - 1].sentence}”`) : null)));
}

async function loadRelations() {
  const rows = await getJson('/api/relations');
  const body = document.querySelector('#relations tbody');
  body.replaceChildren(...rows.map(d => {
    const c = d.counts || {};
    const tr = el('tr', { class: 'pick', 'data-dyad': d.dyad }, el('td', {}, (d.countries || []).join(' – ')),
      cell(c.VISIT), cell(c.MEETING), cell(c.CALL), cell(c.AGREEMENT),
      el('td', {}, d.latest ? `${when(d.latest)} · ${headline(d.latest)}` : '—'));
    tr.addEventListener('click', () => showPair(d).catch(err => console.warn(err)));
    return tr;
  }));
}

async function showPair(d) {
  selectedLeader = null;
  document.querySelectorAll('#leaders tr.sel').forEach(t => t.classList.remove('sel'));
  document.getElementById('timeline-title').textContent = `Between ${(d.countries || []).join(' and ')}`;
  document.getElementById('timeline-hint').hidden = true;
  const refs = (await getJson(`/api/events?pair=${encodeURIComponent(d.dyad)}&size=100`)).items || [];
  document.getElementById('timeline').replaceChildren(...refs.map(e => el('li', { 'data-event': e.event_id },
    el('span', { class: 'status' }, e.status), ' ', when(e), ' · ', e.type.toLowerCase(), ' · ',
    el('span', { class: 'headline' }, headline(e)))));
}

// An alert is raised before the activity tables it changes are aggregated (one repartition later),
// so the tables are read again shortly after each burst of alerts, and every half minute regardless.
const REFRESH_AFTER_ALERT_MS = [400, 2500];
const REFRESH_EVERY_MS = 30000;
let refreshTimers = [];
function refreshSoon() {
  refreshTimers.forEach(clearTimeout);
  refreshTimers = REFRESH_AFTER_ALERT_MS.map(ms => setTimeout(refreshAll, ms));
}
function refreshAll() {
  for (const f of [loadUpcoming, loadLeaders, loadRelations]) f().catch(err => console.warn(err));
}

function connect() {
  const conn = document.getElementById('conn');
  // on reconnection the browser sends Last-Event-ID itself, and the server replays what was missed
  const source = new EventSource(api('/api/alerts/stream'));
  source.addEventListener('open', () => { conn.textContent = 'live'; conn.className = 'conn on'; });
  source.addEventListener('error', () => { conn.textContent = 'reconnecting'; conn.className = 'conn off'; });
  source.addEventListener('alert', msg => {
    renderAlert(JSON.parse(msg.data));
    refreshSoon();
  });
}

refreshAll();
setInterval(refreshAll, REFRESH_EVERY_MS);
connect();
