// Live dashboard: registers on the topic addresses through the SockJS event-bus bridge.
(function () {
  'use strict';
  const params = new URLSearchParams(location.search);
  const MAX_POINTS = 300;
  const MAX_FEED = 50;
  const charts = new Map();
  let bus = null;
  let session = params.get('session') || '';

  const statusEl = document.getElementById('status');
  const sessionEl = document.getElementById('session');
  sessionEl.value = session;
  sessionEl.addEventListener('change', () => {
    session = sessionEl.value.trim();
    const url = new URL(location.href);
    if (session) { url.searchParams.set('session', session); } else { url.searchParams.delete('session'); }
    history.replaceState(null, '', url);
    connect();
  });

  function address(topic) {
    return 'anomaly.topic.' + topic + (session ? '.' + session : '');
  }

  function setStatus(text) {
    statusEl.textContent = text;
    statusEl.className = 'status ' + text;
  }

  function connect() {
    if (bus) { bus.onclose = null; bus.close(); }
    for (const id of charts.keys()) { document.getElementById('session-' + id)?.remove(); }
    charts.clear();
    setStatus('connecting');
    const query = params.get('token') ? '?token=' + encodeURIComponent(params.get('token')) : '';
    bus = new EventBus('/eventbus' + query);
    bus.enableReconnect(true);
    bus.onopen = () => {
      setStatus('open');
      bus.registerHandler(address('anomalies'), {}, (err, msg) => { if (!err) { onAnomaly(msg.body); } });
      bus.registerHandler(address('alerts'), {}, (err, msg) => { if (!err) { onAlert(msg.body); } });
      bus.registerHandler(address('drift'), {}, (err, msg) => { if (!err) { onDrift(msg.body); } });
      bus.registerHandler('anomaly.topic.stats', {}, (err, msg) => { if (!err) { onStats(msg.body); } });
    };
    bus.onclose = () => setStatus('closed');
    bus.onerror = (e) => console.warn('event bus error', e);
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

  function onStats(event) {
    const stats = event.stats || {};
    if (event.session_id === null) {
      text('throughput', stats.samples_per_s);
      text('latency', stats.latency_ms ? stats.latency_ms.p99 : '–');
      text('connections', stats.connections ? stats.connections.active + ' / ' + stats.connections.max : '–');
      text('errors', (100 * (stats.error_rate || 0)).toFixed(2) + '%');
      text('dropped', stats.dropped_events);
      return;
    }
    if (session && event.session_id !== session) { return; }
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

  connect();
})();
