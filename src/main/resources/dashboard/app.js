'use strict';
// Every string that came from an article reaches the page through textContent, never innerHTML,
// so markup inside news text is shown as text.

const MAX_ALERTS = 100;

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

function name(p) { return p && (p.name || p.id) || '?'; }
function where(e) { return [e.location, e.host_country].filter(Boolean).join(', ') || '—'; }
function others(e) {
  const actor = e.actor && e.actor.id;
  return (e.participants || []).filter(p => p.id !== actor).map(name);
}
function headline(e) {
  const with_ = others(e);
  const verb = { VISIT: '→', MEETING: 'meets', CALL: 'calls', AGREEMENT: 'signs with' }[e.type] || e.type;
  if (e.type === 'VISIT') return `${name(e.actor)} → ${where(e)}`;
  return `${name(e.actor)} ${verb} ${with_.join(', ') || '?'}${e.host_country ? ' (' + where(e) + ')' : ''}`;
}

async function getJson(path) {
  const r = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!r.ok) throw new Error(`${path}: ${r.status}`);
  return r.json();
}

function sum(obj) { return Object.values(obj || {}).reduce((a, b) => a + (typeof b === 'number' ? b : 0), 0); }

function renderAlert(a, prepend) {
  const e = a.event || {};
  const change = a.type === 'STATUS_CHANGED' ? `${a.previous_status} → ${e.status}` : e.status;
  const li = el('li', { 'data-event': e.event_id || '' },
    el('span', { class: `tag ${a.type}` }, a.type === 'NEW_EVENT' ? 'NEW' : 'STATUS'),
    headline(e), ' ', el('span', { class: 'status' }, change),
    el('div', { class: 'meta' }, [e.date, a.article && a.article.source, a.article && a.article.title].filter(Boolean).join(' · ')));
  const list = document.getElementById('alerts');
  if (prepend) list.prepend(li); else list.append(li);
  while (list.children.length > MAX_ALERTS) list.lastChild.remove();
}

async function loadUpcoming() {
  const page = await getJson('/api/events?type=VISIT&status=PLANNED&sort=date&size=50');
  const body = document.querySelector('#upcoming tbody');
  body.replaceChildren(...(page.items || []).map(e =>
    el('tr', {}, el('td', {}, e.date || '—'), el('td', {}, name(e.actor)), el('td', {}, where(e)), el('td', {}, e.status))));
}

async function loadLeaders() {
  const rows = await getJson('/api/leaders?sort=activity');
  const body = document.querySelector('#leaders tbody');
  body.replaceChildren(...rows.map(r => {
    const tr = el('tr', { class: 'pick', 'data-leader': r.leader_id || r.id },
      el('td', {}, r.name || r.leader_id), el('td', {}, r.country || ''),
      el('td', {}, sum(r.visits_abroad)), el('td', {}, r.visits_hosted ?? 0), el('td', {}, r.meetings ?? 0),
      el('td', {}, r.calls ?? 0), el('td', {}, r.agreements ?? 0), el('td', {}, r.last_activity || '—'));
    tr.addEventListener('click', () => showTimeline(r.leader_id || r.id, tr));
    return tr;
  }));
}

async function showTimeline(id, row) {
  document.querySelectorAll('#leaders tr.sel').forEach(t => t.classList.remove('sel'));
  if (row) row.classList.add('sel');
  const data = await getJson(`/api/leaders/${encodeURIComponent(id)}`);
  document.getElementById('timeline-title').textContent = `Timeline — ${(data.activity && data.activity.name) || id}`;
  document.getElementById('timeline-hint').hidden = true;
  const list = document.getElementById('timeline');
  list.replaceChildren(...(data.timeline || []).map(e => el('li', {},
    el('span', { class: 'status' }, e.status), ' ', e.date || 'undated', ' · ', e.type, ' · ', headline(e),
    el('div', { class: 'meta' }, `${(e.articles || []).length} article(s)`))));
}

async function loadRelations() {
  const rows = await getJson('/api/relations');
  const body = document.querySelector('#relations tbody');
  body.replaceChildren(...rows.map(d => {
    const c = d.counts || {};
    return el('tr', {}, el('td', {}, d.pair || d.key || ''), el('td', {}, c.VISIT ?? 0), el('td', {}, c.MEETING ?? 0),
      el('td', {}, c.CALL ?? 0), el('td', {}, c.AGREEMENT ?? 0), el('td', {}, d.latest ? headline(d.latest) : '—'));
  }));
}

let refreshTimer = null;
function refreshSoon() {
  clearTimeout(refreshTimer);
  refreshTimer = setTimeout(refreshAll, 400);
}
function refreshAll() {
  for (const f of [loadUpcoming, loadLeaders, loadRelations]) f().catch(err => console.warn(err));
}

function connect() {
  const conn = document.getElementById('conn');
  const source = new EventSource('/api/alerts/stream');
  source.addEventListener('open', () => { conn.textContent = 'live'; conn.className = 'conn on'; });
  source.addEventListener('error', () => { conn.textContent = 'reconnecting'; conn.className = 'conn off'; });
  source.addEventListener('alert', msg => {
    renderAlert(JSON.parse(msg.data), true);
    refreshSoon();
  });
}

refreshAll();
connect();
