// Live dashboard: asks the server what its token may watch, then follows exactly those topics through the SockJS
// event-bus bridge with the TypeScript SDK's bridge helpers: one session's topics (or every session's, for an
// admin) and the node-wide figures.
import { AnomalyBridge } from './sdk/anomaly-gateway.js';

(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const token = params.get('token');
  const MAX_POINTS = 300;
  const MAX_FEED = 50;
  const charts = new Map();
  const nodes = new Map();
  let bus = null;
  let session = params.get('session') || '';

  const statusEl = document.getElementById('status');
  const noticeEl = document.getElementById('notice');
  const sessionEl = document.getElementById('session');
  sessionEl.value = session;
  sessionEl.addEventListener('change', () => {
    session = sessionEl.value.trim();
    const url = new URL(location.href);
    if (session) { url.searchParams.set('session', session); } else { url.searchParams.delete('session'); }
    history.replaceState(null, '', url);
    start();
  });

  function setStatus(text) {
    statusEl.textContent = text;
    statusEl.className = 'status ' + text;
  }

  function notice(text) {
    noticeEl.textContent = text || '';
    noticeEl.hidden = !text;
  }

  function query(extra) {
    const search = new URLSearchParams(extra);
    if (token) { search.set('token', token); }
    const text = search.toString();
    return text ? '?' + text : '';
  }

  function describe(access) {
    if (access.all_sessions) { return 'every session'; }
    return access.sessions ? access.sessions.join(', ') : 'any session you name';
  }

  // What to follow, decided from the server's own reading of the token; null when nothing may be shown.
  function plan(access) {
    const topics = ['anomalies', 'alerts', 'drift', 'stats'];
    if (!session && access.all_sessions) {
      // Every session's topics carry the node-wide events too.
      return { topics, session: '*', node: false };
    }
    if (!session) {
      const single = access.sessions && access.sessions.length === 1 && !access.sessions[0].includes('*');
      if (!single) {
        notice('Choose a session to watch: this link\'s token may watch ' + describe(access) + '.');
        return null;
      }
      session = access.sessions[0];
      sessionEl.value = session;
    }
    if (access.session_permitted === false) {
      notice('This link\'s token may not watch session "' + session + '"; it may watch ' + describe(access) + '.');
      return null;
    }
    return { topics, session, node: true };
  }

  async function start() {
    if (bus) { bus.close(); bus = null; }
    for (const id of charts.keys()) { document.getElementById('session-' + id)?.remove(); }
    charts.clear();
    notice('');
    setStatus('connecting');
    let access;
    try {
      const response = await fetch('/api/v1/streaming/access' + query(session ? { session } : {}),
        { cache: 'no-store' });
      access = await response.json();
      if (!response.ok) {
        setStatus('refused');
        notice('The server refused this link\'s token (' + (access.error || response.status) +
          '). Ask for a new dashboard link.');
        return;
      }
    } catch (e) {
      setStatus('closed');
      notice('The server cannot be reached.');
      return;
    }
    const addresses = plan(access);
    if (addresses === null) {
      setStatus('refused');
      return;
    }
    connect(addresses);
  }

  function connect(watch) {
    let expired = false;
    bus = new AnomalyBridge(new EventBus('/eventbus' + query({})), token, (change) => {
      if (change.state === 'open') {
        setStatus('open');
      } else if (change.state === 'closed') {
        if (!expired) { setStatus('closed'); }
      } else {
        // The bridge reports refusals here, never to the handlers: say so on the page.
        setStatus('refused');
        if (change.reason === 'token_expired') {
          // The server closes the socket at the token's expiry; the bridge helpers stop reconnecting.
          expired = true;
          notice('This link\'s token has expired. Ask for a new dashboard link.');
        } else {
          notice('The server refused part of this dashboard (' + change.reason + ').');
        }
      }
    });
    for (const topic of watch.topics) { bus.subscribe(topic, watch.session, dispatch); }
    if (watch.node) {
      bus.subscribeNode('stats', dispatch);
      bus.subscribeNode('alerts', dispatch);
    }
  }

  function dispatch(event) {
    if (event.type === 'stats') { onStats(event); }
    else if (event.type === 'anomaly') { onAnomaly(event); }
    else if (event.type === 'alert') { onAlert(event); }
    else if (event.type === 'drift') { onDrift(event); }
  }

  function sessionPanel(id) {
    let chart = charts.get(id);
    if (chart) { return chart; }
    const panel = document.createElement('div');
    panel.className = 'session';
    panel.id = 'session-' + id;
    panel.dataset.session = id;
    panel.innerHTML = '<h3><span class="name"></span><span class="badge rate"></span>' +
      '<span class="badge drift" hidden></span></h3><div class="chart-box"><canvas></canvas></div>';
    panel.querySelector('.name').textContent = id;
    document.getElementById('session-list').appendChild(panel);
    chart = new Chart(panel.querySelector('canvas'), {
      type: 'line',
      data: { datasets: [{ label: 'confidence score', data: [], parsing: false, borderWidth: 1, pointRadius: 0,
        borderColor: '#3b6fd8' }, { label: 'anomaly', data: [], parsing: false, showLine: false, pointRadius: 4,
        backgroundColor: '#c0392b', borderColor: '#c0392b' }] },
      options: { animation: false, responsive: true, maintainAspectRatio: false,
        scales: { x: { type: 'linear', ticks: { callback: (v) => new Date(v).toLocaleTimeString() } },
          y: { min: 0, max: 1 } }, plugins: { legend: { display: false } } }
    });
    charts.set(id, chart);
    return chart;
  }

  function push(dataset, point) {
    dataset.data.push(point);
    if (dataset.data.length > MAX_POINTS) { dataset.data.shift(); }
  }

  // Each gateway publishes its own figures; the cards show them all together (a cluster has several).
  function onNodeStats(event) {
    const now = Date.now();
    nodes.set(event.stats.node, { stats: event.stats, at: now });
    let samples = 0, p99 = 0, active = 0, max = 0, requests = 0, errors = 0, dropped = 0;
    for (const [id, entry] of nodes) {
      const s = entry.stats;
      if (now - entry.at > 3000 * s.interval_s) { nodes.delete(id); continue; }
      samples += s.samples_per_s;
      p99 = Math.max(p99, s.latency_ms.p99);
      active += s.connections.active;
      max += s.connections.max;
      requests += s.requests_per_s * s.interval_s;
      errors += s.errors;
      dropped += s.dropped_events;
    }
    text('throughput', Math.round(samples * 10) / 10);
    text('latency', p99);
    text('connections', active + ' / ' + max);
    text('errors', (100 * (requests + errors === 0 ? 0 : errors / (requests + errors))).toFixed(2) + '%');
    text('dropped', dropped);
    text('gateways', nodes.size);
  }

  function onStats(event) {
    if (event.session_id === null) { onNodeStats(event); return; }
    const stats = event.stats;
    const chart = sessionPanel(event.session_id);
    for (const [time, score, flagged] of stats.scores || []) {
      push(chart.data.datasets[0], { x: time, y: score });
      if (flagged) { push(chart.data.datasets[1], { x: time, y: score }); }
    }
    const panel = document.getElementById('session-' + event.session_id);
    panel.querySelector('.badge.rate').textContent = stats.samples_per_s + ' samples/s · ' +
      (100 * (stats.anomaly_rate || 0)).toFixed(1) + '% anomalous · p99 ' + stats.latency_ms.p99 + ' ms';
    chart.update('none');
  }

  function onAnomaly(event) {
    const chart = sessionPanel(event.session_id);
    push(chart.data.datasets[1], { x: Date.parse(event.timestamp), y: event.confidence_score });
    chart.update('none');
    const features = (event.explanation || []).map((f) => 'feature ' + f.index + ' = ' + round(f.value) +
      ' (' + f.direction + ', ' + Math.round(100 * f.contribution) + '%)').join('; ');
    feed('anomaly-feed', 'anomaly', event.session_id, 'Anomaly in ' + event.session_id + ' · score ' +
      round(event.confidence_score), features, event.timestamp);
  }

  function onAlert(event) {
    feed('alert-feed', event.status === 'resolved' ? 'resolved' : event.severity, event.session_id || event.subject,
      '[' + event.severity + '] ' + event.metadata.title, event.metadata.message, event.timestamp);
  }

  function onDrift(event) {
    sessionPanel(event.session_id);
    const badge = document.querySelector('#session-' + CSS.escape(event.session_id) + ' .badge.drift');
    badge.hidden = false;
    badge.textContent = 'drift at sample ' + event.sample + ' (' + event.method + ', features ' +
      event.features.map((f) => f.index).join(', ') + ')';
  }

  function feed(id, kind, subject, title, detail, timestamp) {
    const list = document.getElementById(id);
    const item = document.createElement('li');
    item.className = kind;
    item.dataset.subject = subject || '';
    const head = document.createElement('div');
    head.className = 'title';
    head.textContent = title;
    const body = document.createElement('div');
    body.textContent = detail;
    const meta = document.createElement('div');
    meta.className = 'meta';
    meta.textContent = new Date(timestamp).toLocaleTimeString();
    item.append(head, body, meta);
    list.prepend(item);
    while (list.children.length > MAX_FEED) { list.lastChild.remove(); }
  }

  function text(id, value) { document.getElementById(id).textContent = value === undefined ? '–' : value; }
  function round(x) { return Math.round(x * 1000) / 1000; }

  start();
})();
