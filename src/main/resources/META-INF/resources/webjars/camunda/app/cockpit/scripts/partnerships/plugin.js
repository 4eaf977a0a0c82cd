// The managers' reports in Cockpit (README, "Reports in Cockpit"). A plain ES module that Cockpit imports
// through config.js (customScripts); it talks to the plugin API of the server-side Cockpit plugin
// (/camunda/api/cockpit/plugin/partnerships/{engine}/...), which runs behind Cockpit's log-in.
// Charts: ECharts from the application jar (org.webjars.npm:echarts), never from a CDN.
// Every value from the server goes into the page as text (textContent), never as HTML.

const base = document.querySelector('base');
const appRoot = base.getAttribute('app-root') || '/camunda';
// The webjar sits at the servlet context's root, next to the webapps' path (/camunda by default).
const contextPath = appRoot.replace(/\/[^/]*$/, '');
const ECHARTS = `${contextPath}/webjars/echarts/5.3.1/dist/echarts.esm.min.js`;

function engineOf(api) {
  if (api && api.engine) {
    return api.engine;
  }
  const match = window.location.pathname.match(/\/app\/cockpit\/([^/]+)/);
  return match ? match[1] : 'default';
}

function pluginApi(api) {
  const cockpitApi = (api && api.cockpitApi) || base.getAttribute('cockpit-api');
  return `${cockpitApi.replace(/\/$/, '')}/plugin/partnerships/${engineOf(api)}/`;
}

async function getJson(api, path) {
  const response = await fetch(pluginApi(api) + path, {headers: {Accept: 'application/json'}, credentials: 'same-origin'});
  if (!response.ok) {
    const error = new Error(response.status === 403 ? 'You may not read the partnership reports.'
      : `The report could not be loaded (${response.status}).`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

let echartsModule;
function echarts() {
  echartsModule = echartsModule || import(ECHARTS).catch((error) => {
    console.error('ECharts could not be loaded; the reports show tables only', error);
    return null;
  });
  return echartsModule;
}

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes).forEach(([name, value]) => {
    if (value === undefined || value === null) {
      return;
    }
    if (name === 'text') {
      node.textContent = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.substring(2), value);
    } else {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => child !== null && child !== undefined
    && node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child));
  return node;
}

function csvLink(api, path, label = 'Download CSV') {
  return el('a', {class: 'cdo-csv', href: pluginApi(api) + path, download: '', 'data-csv': path, text: label});
}

function date(value) {
  return value ? new Date(value).toLocaleString() : '';
}

function percent(part, whole) {
  return whole > 0 ? `${Math.round((100 * part) / whole)} %` : '';
}

/** A table: columns are [header, value(row) => text or node, numeric?]. */
function table(columns, rows, attributes = {}) {
  return el('table', Object.assign({class: 'table table-condensed table-striped'}, attributes),
    el('thead', {}, el('tr', {}, columns.map(([header, , numeric]) => el('th', {class: numeric ? 'cdo-num' : null, text: header})))),
    el('tbody', {}, rows.map((row) => el('tr', {}, columns.map(([, value, numeric]) => {
      const content = value(row);
      return el('td', {class: numeric ? 'cdo-num' : null},
        content instanceof Node ? content : String(content === null || content === undefined ? '' : content));
    })))));
}

function failure(node, error) {
  node.textContent = '';
  node.appendChild(el('p', {class: 'cdo-error', text: error.message}));
}

function instanceLink(row) {
  return row.processInstanceId
    ? el('a', {href: `#/process-instance/${encodeURIComponent(row.processInstanceId)}/runtime?tab=partnership-tab`, text: row.reference})
    : row.reference;
}

// ------------------------------------------------------------------ dashboard panel

async function renderDashboard(node, api) {
  const root = el('section', {class: 'cdo-report', id: 'cdo-dashboard'}, el('h2', {text: 'Partnerships'}));
  node.appendChild(root);
  let report;
  try {
    report = await getJson(api, 'dashboard');
  } catch (error) {
    if (error.status === 403) {
      node.textContent = '';   // not a reader: the panel stays away
      return;
    }
    failure(root, error);
    return;
  }
  const chart = el('div', {class: 'cdo-chart', id: 'cdo-funnel-chart'});
  root.appendChild(el('div', {class: 'cdo-cards'},
    el('a', {class: 'cdo-card', href: '#/partnerships?emailStatus=QUEUED'},
      el('strong', {id: 'cdo-emails-queued', text: String(report.emails.queued)}), 'emails queued'),
    el('a', {class: 'cdo-card cdo-failed', href: '#/partnerships?emailStatus=FAILED'},
      el('strong', {id: 'cdo-emails-failed', text: String(report.emails.failed)}), 'emails failed'),
    csvLink(api, 'csv/emails')));
  root.appendChild(el('h3', {}, 'Partnerships per stage', csvLink(api, 'csv/funnel')));
  root.appendChild(chart);
  root.appendChild(table([
    ['Stage', (s) => el('a', {href: `#/partnerships?stage=${s.stage}`, text: s.label})],
    ['Partnerships', (s) => s.partnerships, true]
  ], report.funnel, {id: 'cdo-funnel'}));
  root.appendChild(el('h3', {}, 'Open tasks past their due date', csvLink(api, 'csv/overdue')));
  root.appendChild(report.overdue.length ? table([
    ['Stage', (o) => el('a', {href: `#/partnerships?stage=${o.stage}&sort=nextDeadline`, text: o.stage})],
    ['Candidate group', (o) => o.candidateGroup],
    ['Overdue tasks', (o) => o.tasks, true]
  ], report.overdue, {id: 'cdo-overdue'}) : el('p', {text: 'No open task is past its due date.'}));

  const lib = await echarts();
  if (lib) {
    const funnel = report.funnel.filter((s) => s.partnerships > 0);
    const instance = lib.init(chart);
    instance.setOption({
      animation: false,   // drawn at once: screenshots and slow machines never catch a half-drawn chart
      tooltip: {trigger: 'item', formatter: '{b}: {c}'},
      series: [{type: 'funnel', sort: 'none', left: '10%', width: '80%', minSize: '8%',
        label: {show: true, position: 'inside', formatter: '{b}: {c}'},
        data: funnel.map((s) => ({name: s.label, value: s.partnerships, stage: s.stage}))}]
    });
    instance.on('click', (event) => {
      window.location.hash = `#/partnerships?stage=${event.data.stage}`;
    });
    chart.setAttribute('data-rendered', 'true');
  }
}

// ------------------------------------------------------------------ partnerships page

const STAGES = ['APPLICATION_REVIEW', 'AWAITING_INFORMATION', 'TERMS_SIGNATURE', 'COMPREHENSIVE_PLAN', 'PLAN_APPROVED',
  'IMPLEMENTATION', 'EVALUATION', 'CLOSED', 'DECLINED', 'WITHDRAWN'];

function hashQuery() {
  const hash = window.location.hash;
  const question = hash.indexOf('?');
  return new URLSearchParams(question < 0 ? '' : hash.substring(question + 1));
}

function renderPartnerships(node, api) {
  const initial = hashQuery();
  const state = {
    stage: initial.get('stage') || '', state: initial.get('state') || '', schoolYear: initial.get('schoolYear') || '',
    search: initial.get('search') || '', emailStatus: initial.get('emailStatus') || '',
    sort: initial.get('sort') || 'reference', direction: initial.get('direction') || 'asc', page: 0, size: 25
  };
  const results = el('div', {id: 'cdo-partnerships-results'});
  const csv = csvLink(api, 'csv/partnerships');
  csv.id = 'cdo-partnerships-csv';
  const stageSelect = el('select', {id: 'cdo-filter-stage', class: 'form-control'},
    el('option', {value: '', text: 'Every stage'}), STAGES.map((s) => el('option', {value: s, text: s})));
  stageSelect.value = state.stage;
  const input = (id, value, placeholder) => el('input', {id, class: 'form-control', value, placeholder});
  const stateInput = input('cdo-filter-state', state.state, 'CA');
  const yearInput = input('cdo-filter-year', state.schoolYear, '2027-2028');
  const searchInput = input('cdo-filter-search', state.search, 'district name');
  const apply = () => {
    Object.assign(state, {stage: stageSelect.value, state: stateInput.value.trim().toUpperCase(),
      schoolYear: yearInput.value.trim(), search: searchInput.value.trim(), page: 0});
    load();
  };
  stageSelect.addEventListener('change', apply);
  const form = el('form', {class: 'cdo-filters', onsubmit: (event) => {
    event.preventDefault();
    apply();
  }},
  el('label', {}, 'Stage', stageSelect), el('label', {}, 'State', stateInput),
  el('label', {}, 'School year', yearInput), el('label', {}, 'District', searchInput),
  el('button', {type: 'submit', class: 'btn btn-default', text: 'Filter'}), csv);
  node.appendChild(el('section', {class: 'cdo-report', id: 'cdo-partnerships'},
    el('h2', {text: 'Partnerships'}), el('p', {}, el('a', {href: '#/pd-report', text: 'PD report'})), form, results));

  function params(withPage) {
    const query = new URLSearchParams();
    ['stage', 'state', 'schoolYear', 'search', 'emailStatus', 'sort', 'direction'].forEach((name) => state[name]
      && query.set(name, state[name]));
    if (withPage) {
      query.set('page', state.page);
      query.set('size', state.size);
    }
    return query.toString();
  }

  function header(label, sort, numeric) {
    const arrow = state.sort === sort ? (state.direction === 'asc' ? ' ▲' : ' ▼') : '';
    return el('th', {class: `cdo-sortable${numeric ? ' cdo-num' : ''}`, 'data-sort': sort, text: label + arrow,
      onclick: () => {
        state.direction = state.sort === sort && state.direction === 'asc' ? 'desc' : 'asc';
        state.sort = sort;
        state.page = 0;
        load();
      }});
  }

  async function load() {
    csv.href = `${pluginApi(api)}csv/partnerships?${params(false)}`;
    let page;
    try {
      page = await getJson(api, `partnerships?${params(true)}`);
    } catch (error) {
      failure(results, error);
      return;
    }
    const columns = [
      ['Reference', 'reference', instanceLink], ['District', 'district', (r) => r.district],
      ['State', 'state', (r) => r.state], ['School year', 'schoolYear', (r) => r.schoolYear],
      ['Stage', 'stage', (r) => r.stage], ['Days in stage', 'daysInStage', (r) => r.daysInStage, true],
      ['Next deadline', 'nextDeadline', (r) => date(r.nextDeadline)], ['Open tasks', 'openTasks', (r) => r.openTasks, true],
      ['Teachers in PD', 'teachersInPd', (r) => r.teachersInPd, true],
      ['Hours earned', 'hoursEarned', (r) => r.hoursEarned, true], ['Hours planned', 'hoursPlanned', (r) => r.hoursPlanned, true]
    ];
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    results.textContent = '';
    results.appendChild(el('table', {class: 'table table-condensed table-striped', id: 'cdo-partnerships-table',
      'data-total': String(page.total)},
    el('thead', {}, el('tr', {}, columns.map(([label, sort, , numeric]) => header(label, sort, numeric)))),
    el('tbody', {}, page.rows.map((row) => el('tr', {'data-reference': row.reference, 'data-stage': row.stage},
      columns.map(([, , value, numeric]) => {
        const content = value(row);
        return el('td', {class: numeric ? 'cdo-num' : null}, content instanceof Node ? content : String(content));
      }))))));
    results.appendChild(el('p', {},
      el('button', {class: 'btn btn-default btn-sm', text: '‹ Previous', disabled: state.page === 0 ? 'disabled' : null,
        onclick: () => {
          state.page -= 1;
          load();
        }}),
      ` Page ${page.page + 1} of ${pages} (${page.total} partnerships) `,
      el('button', {class: 'btn btn-default btn-sm', text: 'Next ›', disabled: page.page + 1 >= pages ? 'disabled' : null,
        onclick: () => {
          state.page += 1;
          load();
        }})));
  }
  load();
}

// ------------------------------------------------------------------ PD report page

/** A table of a paged report (25 rows a page) with previous / next buttons. */
function pagedTable(api, container, path, columns) {
  let current = 0;
  const load = async () => {
    let page;
    try {
      page = await getJson(api, `${path}?page=${current}&size=25`);
    } catch (error) {
      failure(container, error);
      return;
    }
    const pages = Math.max(1, Math.ceil(page.total / page.size));
    container.textContent = '';
    container.appendChild(table(columns, page.rows));
    container.appendChild(el('p', {},
      el('button', {class: 'btn btn-default btn-sm', text: '‹ Previous', disabled: current === 0 ? 'disabled' : null,
        onclick: () => {
          current -= 1;
          load();
        }}),
      ` Page ${current + 1} of ${pages} (${page.total}) `,
      el('button', {class: 'btn btn-default btn-sm', text: 'Next ›', disabled: current + 1 >= pages ? 'disabled' : null,
        onclick: () => {
          current += 1;
          load();
        }})));
  };
  load();
}

async function renderPdReport(node, api) {
  const root = el('section', {class: 'cdo-report', id: 'cdo-pd-report'}, el('h2', {text: 'Professional development'}),
    el('p', {}, el('a', {href: '#/partnerships', text: 'Partnerships'})));
  node.appendChild(root);
  let report;
  try {
    report = await getJson(api, 'pd');
  } catch (error) {
    failure(root, error);
    return;
  }
  const chart = el('div', {class: 'cdo-chart', id: 'cdo-hours-chart'});
  const hoursColumns = (key) => [[key, (h) => h.key], ['Teachers', (h) => h.teachers, true],
    ['Hours earned', (h) => h.hoursEarned, true], ['Hours planned', (h) => h.hoursPlanned, true],
    ['Earned', (h) => percent(h.hoursEarned, h.hoursPlanned), true]];
  root.appendChild(el('h3', {}, 'Hours earned and planned per course', csvLink(api, 'csv/pd-courses')));
  root.appendChild(chart);
  root.appendChild(table(hoursColumns('Course'), report.byCourse, {id: 'cdo-pd-courses'}));
  const districts = el('div', {id: 'cdo-pd-districts'});
  root.appendChild(el('h3', {}, 'Per district', csvLink(api, 'csv/pd-districts')));
  root.appendChild(districts);
  pagedTable(api, districts, 'pd/districts',
    [['District', (h) => h.key], ['Partnership', (h) => h.detail]].concat(hoursColumns('').slice(1)));
  root.appendChild(el('h3', {}, 'Phase completion and retention (finished ÷ started)', csvLink(api, 'csv/pd-phases')));
  root.appendChild(table([['Course', (p) => p.course], ['Phase', (p) => `${p.phase} ${p.name}`],
    ['Teachers', (p) => p.teachers, true], ['Started', (p) => p.started, true], ['Finished', (p) => p.finished, true],
    ['Missed', (p) => p.missed, true], ['Withdrawn', (p) => p.withdrawn, true],
    ['Retention', (p) => percent(p.finished, p.started), true]], report.phases, {id: 'cdo-pd-phases'}));
  root.appendChild(el('h3', {}, 'Workshops: fill rate and waitlist', csvLink(api, 'csv/workshops')));
  root.appendChild(table([['Workshop', (w) => w.reference], ['Title', (w) => w.title], ['Status', (w) => w.status],
    ['Facilitator', (w) => w.facilitator || ''], ['Capacity', (w) => w.capacity, true], ['Enrolled', (w) => w.enrolled, true],
    ['Fill rate', (w) => percent(w.enrolled, w.capacity), true], ['Waitlist', (w) => w.waitlisted, true]],
  report.workshops, {id: 'cdo-workshops'}));
  root.appendChild(el('h3', {}, 'Attendance per session (present ÷ recorded)', csvLink(api, 'csv/sessions')));
  root.appendChild(table([['Workshop', (s) => s.workshop], ['Session', (s) => s.session, true],
    ['Starts', (s) => date(s.startsAt)], ['Recorded', (s) => s.recorded, true], ['Present', (s) => s.present, true],
    ['Attendance rate', (s) => percent(s.present, s.recorded), true]], report.sessions, {id: 'cdo-sessions'}));
  root.appendChild(el('h3', {}, 'Facilitator load (workshops not closed)', csvLink(api, 'csv/facilitators')));
  root.appendChild(table([['Facilitator', (f) => f.facilitator], ['Workshops', (f) => f.workshops, true],
    ['Sessions', (f) => f.sessions, true], ['Session hours', (f) => f.hours, true]], report.facilitators,
  {id: 'cdo-facilitators'}));
  const teachers = el('div', {id: 'cdo-pd-teachers'});
  root.appendChild(el('h3', {}, 'Per teacher', csvLink(api, 'csv/pd-teachers')));
  root.appendChild(teachers);
  pagedTable(api, teachers, 'pd/teachers', [['District', (t) => t.district], ['Teacher', (t) => t.teacher],
    ['Course', (t) => t.course], ['Status', (t) => t.status],
    ['Phases finished', (t) => `${t.phasesFinished} / ${t.phases}`, true],
    ['Hours earned', (t) => t.hoursEarned, true], ['Hours planned', (t) => t.hoursPlanned, true],
    ['Certificate', (t) => t.certificateNumber || '']]);

  const lib = await echarts();
  if (lib) {
    lib.init(chart).setOption({
      animation: false, tooltip: {trigger: 'axis'}, legend: {data: ['Earned', 'Planned']},
      xAxis: {type: 'category', data: report.byCourse.map((h) => h.key)}, yAxis: {type: 'value', name: 'hours'},
      series: [{name: 'Earned', type: 'bar', data: report.byCourse.map((h) => h.hoursEarned)},
        {name: 'Planned', type: 'bar', data: report.byCourse.map((h) => h.hoursPlanned)}]
    });
    chart.setAttribute('data-rendered', 'true');
  }
}

// ------------------------------------------------------------------ process-instance tab

async function renderInstanceTab(node, {api, processInstanceId}) {
  const root = el('section', {class: 'cdo-report', id: 'cdo-partnership-tab'});
  node.appendChild(root);
  let tab;
  try {
    tab = await getJson(api, `process-instance/${encodeURIComponent(processInstanceId)}`);
  } catch (error) {
    failure(root, error.status === 404 ? new Error('This process instance belongs to no partnership.') : error);
    return;
  }
  const p = tab.partnership;
  const csv = (name) => csvLink(api, `process-instance/${encodeURIComponent(processInstanceId)}/csv/${name}`);
  root.appendChild(el('h3', {text: `${p.reference} · ${p.district} (${p.state}) · ${p.schoolYear} · ${p.stageLabel}`}));
  root.appendChild(el('h3', {}, 'Timeline', csv('timeline')));
  root.appendChild(table([['When', (t) => date(t.at)], ['Event', (t) => t.event], ['Detail', (t) => t.detail || '']],
    p.timeline, {id: 'cdo-timeline'}));
  root.appendChild(el('h3', {}, 'Emails', csv('emails')));
  root.appendChild(table([['Created', (e) => date(e.createdAt)], ['Milestone', (e) => e.milestone],
    ['Recipient', (e) => e.recipient], ['Status', (e) => e.status], ['Attempts', (e) => e.attempts, true],
    ['Sent', (e) => date(e.sentAt)], ['Last error', (e) => e.lastError || '']], tab.emails, {id: 'cdo-emails'}));
  root.appendChild(el('h3', {}, 'Professional development per teacher', csv('teachers')));
  root.appendChild(table([['Teacher', (t) => t.name], ['Course', (t) => t.course], ['Status', (t) => t.status],
    ['Phases', (t) => t.phases.map((ph) => `${ph.phase} ${ph.name}: ${ph.status} (${ph.hoursEarned}/${ph.plannedHours} h)`).join('; ')],
    ['Hours earned', (t) => t.hoursEarned, true], ['Hours planned', (t) => t.plannedHours, true],
    ['Certificate', (t) => t.certificateNumber || '']], p.professionalDevelopment, {id: 'cdo-teachers'}));
  root.appendChild(el('h3', {}, 'Sections set-up', csv('sections')));
  root.appendChild(table([['Section', (s) => s.section], ['School', (s) => s.school], ['Readiness', (s) => s.readiness],
    ['Reasons', (s) => s.reasons || ''], ['Reported', (s) => date(s.reportedAt)], ['Ready', (s) => date(s.readyAt)]],
  p.sections, {id: 'cdo-sections'}));
  root.appendChild(el('h3', {text: 'Evaluation'}));
  const e = p.evaluation;
  root.appendChild(e ? table([['Teachers enrolled', (x) => x.teachersEnrolled, true],
    ['Completed', (x) => x.teachersCompleted, true], ['Retained', (x) => x.teachersRetained, true],
    ['PD hours', (x) => x.totalPdHours, true], ['Recommendation', (x) => x.recommendation || ''],
    ['Evaluator', (x) => x.evaluator || ''], ['Assessed', (x) => date(x.assessedAt)]], [e], {id: 'cdo-evaluation'})
    : el('p', {text: 'Not evaluated yet.'}));
}

// ------------------------------------------------------------------ registration

/** The menu entries appear only for readers (the plugin API answers 204 to them, 403 to anyone else). */
function readerOnly() {
  return ['$rootScope', ($rootScope) => (callback) => {
    fetch(`${pluginApi()}access`, {credentials: 'same-origin'})
      .then((response) => $rootScope.$evalAsync(() => callback(null, response.status === 204)))
      .catch(() => $rootScope.$evalAsync(() => callback(null, false)));
  }];
}

function navigation(id, path, label, priority) {
  return {
    id, pluginPoint: 'cockpit.navigation', priority,
    properties: {path, label},
    access: readerOnly(),
    render: (node) => node.appendChild(el('a', {href: `#${path}`, id: `${id}-link`, text: label}))
  };
}

export default [
  {id: 'partnerships-dashboard', pluginPoint: 'cockpit.dashboard', priority: 20,
    render: (node, {api}) => renderDashboard(node, api)},
  navigation('partnerships-menu', '/partnerships', 'Partnerships', 60),
  navigation('pd-report-menu', '/pd-report', 'PD report', 55),
  {id: 'partnerships-page', pluginPoint: 'cockpit.route', properties: {path: '/partnerships', label: 'Partnerships'},
    render: (node, {api}) => renderPartnerships(node, api)},
  {id: 'pd-report-page', pluginPoint: 'cockpit.route', properties: {path: '/pd-report', label: 'PD report'},
    render: (node, {api}) => renderPdReport(node, api)},
  {id: 'partnership-tab', pluginPoint: 'cockpit.processInstance.runtime.tab', priority: 20,
    properties: {label: 'Partnership'}, render: (node, context) => renderInstanceTab(node, context)},
  {id: 'partnership-history-tab', pluginPoint: 'cockpit.processInstance.history.tab', priority: 20,
    properties: {label: 'Partnership'}, render: (node, context) => renderInstanceTab(node, context)}
];
