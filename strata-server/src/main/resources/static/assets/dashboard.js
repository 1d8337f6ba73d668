/* Dashboard: loads the figures of /api/v1/dashboard and draws them with ECharts; each chart can be downloaded as CSV. */
(function () {
  'use strict';
  const { t, api, fmt, name, downloadCsv, notify } = window.Strata;
  const form = document.getElementById('dashboard-filters');
  if (!form) {
    return; // empty state: nothing is published yet
  }
  const charts = {};
  const tables = {}; // chart key -> rows for "download data" (first row the header)
  // ECharts renders a tooltip formatter's result as HTML: tier names are typed by people, so they are encoded
  const html = echarts.format.encodeHTML;
  const FALLBACK_COLORS = ['#c0392b', '#e67e22', '#f1c40f', '#27ae60', '#2980b9', '#8e44ad', '#7f8c8d', '#16a085'];

  function chart(id) {
    if (!charts[id]) {
      charts[id] = echarts.init(document.getElementById(id));
    }
    return charts[id];
  }

  function params(extra) {
    const data = new URLSearchParams(new FormData(form));
    Object.entries(extra || {}).forEach(([k, v]) => (v === null || v === undefined ? null : data.set(k, v)));
    return data.toString();
  }

  function colorOf(tier, index) {
    return tier.color || FALLBACK_COLORS[index % FALLBACK_COLORS.length];
  }

  let tierList = [];

  function tierName(key) {
    const tier = tierList.find((x) => x.key === key);
    return tier ? name(tier) : key === null ? t('dashboard.newCustomers') : key;
  }

  function drawSummary(summary) {
    tierList = summary.tiers;
    const k = summary.kpis;
    document.getElementById('kpi-customers').textContent = fmt.number(k.customers);
    document.getElementById('kpi-active').textContent = fmt.number(k.activeCustomers);
    document.getElementById('kpi-active-note').textContent =
      t('dashboard.kpi.activeNote', fmt.percent(k.customers ? Math.round(k.activeCustomers * 1000 / k.customers) / 10 : 0));
    document.getElementById('kpi-revenue').textContent = fmt.compactMoney(k.revenue);
    document.getElementById('kpi-revenue-note').textContent = t('dashboard.kpi.period', fmt.date(summary.from), fmt.date(summary.to));
    document.getElementById('kpi-top').textContent = fmt.percent(k.topTierRevenueShare);
    document.getElementById('kpi-top-note').textContent =
      t('dashboard.kpi.topTierNote', tierName(k.topTier), fmt.percent(k.topTierCustomerShare));

    const names = summary.tiers.map(name);
    const colors = summary.tiers.map(colorOf);
    chart('chart-tiers-count').setOption({
      tooltip: { trigger: 'item', formatter: (p) => `${html(p.name)}: ${fmt.number(p.value)} (${fmt.percent(p.percent)})` },
      legend: { type: 'scroll', bottom: 0 },
      series: [{
        type: 'pie', radius: ['40%', '70%'], center: ['50%', '45%'],
        data: summary.tiers.map((tier, i) => ({ name: names[i], value: tier.customers, tierKey: tier.key,
          itemStyle: { color: colors[i] } })),
        label: { formatter: (p) => `${p.name}\n${fmt.number(p.value)}` }
      }]
    }, true);
    tables['tiers-count'] = [[t('dashboard.col.tier'), t('dashboard.col.customers'), t('dashboard.col.share')]]
      .concat(summary.tiers.map((x, i) => [names[i], x.customers, x.customerShare]));

    chart('chart-tiers-revenue').setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.money(v) },
      grid: { left: 10, right: 50, top: 20, bottom: 30, containLabel: true },
      xAxis: { type: 'value', axisLabel: { formatter: (v) => fmt.compactMoney(v) } },
      yAxis: { type: 'category', inverse: true, data: names },
      series: [{
        type: 'bar', data: summary.tiers.map((x, i) => ({ value: Number(x.revenue), tierKey: x.key, itemStyle: { color: colors[i] } })),
        label: { show: true, position: 'right', formatter: (p) => fmt.percent(summary.tiers[p.dataIndex].revenueShare) }
      }]
    }, true);
    tables['tiers-revenue'] = [[t('dashboard.col.tier'), t('dashboard.col.revenue'), t('dashboard.col.share')]]
      .concat(summary.tiers.map((x, i) => [names[i], x.revenue, x.revenueShare]));

    // A click on a tier opens its customers.
    ['chart-tiers-count', 'chart-tiers-revenue'].forEach((id) => {
      chart(id).off('click');
      chart(id).on('click', (p) => {
        if (p.data && p.data.tierKey) {
          window.location.href = '/customers?' + new URLSearchParams({ scheme: summary.scheme.key, tier: p.data.tierKey });
        }
      });
    });
  }

  function drawPareto(points) {
    const top20 = points.find((p) => p.customerPercent >= 20);
    chart('chart-pareto').setOption({
      tooltip: { trigger: 'axis', formatter: (ps) => t('dashboard.pareto.tooltip', ps[0].data[0], fmt.percent(ps[0].data[1])) },
      grid: { left: 50, right: 30, top: 30, bottom: 40 },
      xAxis: { type: 'value', min: 0, max: 100, name: t('dashboard.pareto.x'), nameLocation: 'middle', nameGap: 25,
        axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
      series: [{
        type: 'line', smooth: true, showSymbol: false, areaStyle: { opacity: 0.15 },
        data: points.map((p) => [p.customerPercent, p.revenuePercent]),
        markPoint: top20 ? { data: [{ coord: [top20.customerPercent, top20.revenuePercent],
          value: t('dashboard.pareto.mark', fmt.percent(top20.revenuePercent)) }], symbolSize: 0,
          label: { show: true, formatter: (p) => p.value, position: 'right' } } : undefined
      }]
    }, true);
    tables.pareto = [[t('dashboard.col.customerPercent'), t('dashboard.col.revenuePercent')]]
      .concat(points.map((p) => [p.customerPercent, p.revenuePercent]));
  }

  function drawRetention(rows) {
    const names = rows.map((r) => tierName(r.tier));
    chart('chart-retention').setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.percent(v) },
      legend: { bottom: 0 },
      grid: { left: 50, right: 20, top: 20, bottom: 60 },
      xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: names.length > 6 ? 30 : 0 } },
      yAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      series: [
        { name: t('dashboard.retention.rate'), type: 'bar', data: rows.map((r) => r.retentionRate) },
        { name: t('dashboard.retention.repurchase'), type: 'bar', data: rows.map((r) => r.repurchaseRate) }
      ]
    }, true);
    tables.retention = [[t('dashboard.col.tier'), t('dashboard.retention.rate'), t('dashboard.retention.repurchase'),
      t('dashboard.col.previousBuyers'), t('dashboard.col.buyers')]]
      .concat(rows.map((r, i) => [names[i], r.retentionRate, r.repurchaseRate, r.previousBuyers, r.buyers]));
  }

  function drawMigration(migration) {
    const select = document.getElementById('since-run');
    select.replaceChildren(...migration.runs.slice(1).map((run) => {
      const option = new Option(t('dashboard.sinceRunOption', run.id, fmt.date(run.asOf)), run.id);
      option.selected = run.id === migration.sinceRun;
      return option;
    }));
    if (migration.runs.length <= 1) {
      select.appendChild(new Option(t('dashboard.firstRun'), ''));
    }
    const fromKeys = [null].concat(tierList.map((x) => x.key));
    const toKeys = tierList.map((x) => x.key);
    const cells = migration.cells.map((c) => [toKeys.indexOf(c.to), fromKeys.indexOf(c.from), c.customers]);
    const max = Math.max(1, ...migration.cells.map((c) => c.customers));
    chart('chart-migration').setOption({
      tooltip: { formatter: (p) => t('dashboard.migration.tooltip', html(tierName(fromKeys[p.data[1]])), html(tierName(toKeys[p.data[0]])), fmt.number(p.data[2])) },
      grid: { left: 110, right: 20, top: 30, bottom: 90 },
      xAxis: { type: 'category', data: toKeys.map(tierName), name: t('dashboard.migration.to'), nameLocation: 'middle', nameGap: 50,
        axisLabel: { interval: 0, rotate: toKeys.length > 5 ? 30 : 0 } },
      // on an inverse axis "start" is the top: the name stays clear of the rotated labels at the bottom
      yAxis: { type: 'category', data: fromKeys.map(tierName), name: t('dashboard.migration.from'), inverse: true,
        nameLocation: 'start' },
      visualMap: { min: 0, max, show: false, inRange: { color: ['#f0f4fb', '#1f6feb'] } },
      series: [{ type: 'heatmap', data: cells, label: { show: true, formatter: (p) => fmt.number(p.data[2]) } }]
    }, true);
    tables.migration = [[t('dashboard.migration.from'), t('dashboard.migration.to'), t('dashboard.col.customers')]]
      .concat(migration.cells.map((c) => [tierName(c.from), tierName(c.to), c.customers]));

    // Sankey: moves only (the diagonal would dwarf them); the left column is "before", the right "now".
    const moves = migration.cells.filter((c) => c.from !== c.to && c.customers > 0);
    const before = (k) => t('dashboard.sankey.before', tierName(k));
    const now = (k) => t('dashboard.sankey.now', tierName(k));
    const nodes = new Map(); // node name -> tier key, for the tier's colour
    moves.forEach((c) => { nodes.set(before(c.from), c.from); nodes.set(now(c.to), c.to); });
    const nodeColor = (key) => {
      const index = tierList.findIndex((x) => x.key === key);
      return index < 0 ? '#bdc3c7' : colorOf(tierList[index], index);
    };
    chart('chart-sankey').setOption({
      tooltip: { trigger: 'item', valueFormatter: (v) => fmt.number(v) },
      title: moves.length ? undefined : { text: t('dashboard.sankey.none'), left: 'center', top: 'middle',
        textStyle: { fontSize: 14, color: '#5b6475', fontWeight: 'normal' } },
      series: [{ type: 'sankey', left: 10, right: 120, nodeAlign: 'justify', emphasis: { focus: 'adjacency' },
        data: [...nodes.entries()].map(([n, key]) => ({ name: n, itemStyle: { color: nodeColor(key) } })),
        links: moves.map((c) => ({ source: before(c.from), target: now(c.to), value: c.customers })) }]
    }, true);
    tables.sankey = [[t('dashboard.migration.from'), t('dashboard.migration.to'), t('dashboard.col.customers')]]
      .concat(moves.map((c) => [tierName(c.from), tierName(c.to), c.customers]));
  }

  function drawHistory(points) {
    const days = points.map((p) => p.asOf);
    chart('chart-history').setOption({
      tooltip: { trigger: 'axis', valueFormatter: (v) => fmt.number(v) },
      legend: { type: 'scroll', bottom: 0 },
      grid: { left: 60, right: 50, top: 20, bottom: 50 },
      title: points.length ? undefined : { text: t('dashboard.history.none'), left: 'center', top: 'middle',
        textStyle: { fontSize: 14, color: '#5b6475', fontWeight: 'normal' } },
      xAxis: { type: 'category', data: days.map(fmt.date), boundaryGap: false },
      yAxis: { type: 'value', axisLabel: { formatter: (v) => fmt.number(v) } },
      series: tierList.map((tier, i) => ({ name: name(tier), type: 'line', stack: 'all', areaStyle: { opacity: 0.6 },
        showSymbol: points.length < 30, itemStyle: { color: colorOf(tier, i) },
        data: points.map((p) => p.sizes[tier.key] || 0) }))
    }, true);
    tables.history = [[t('dashboard.col.asOf')].concat(tierList.map(name))]
      .concat(points.map((p) => [p.asOf].concat(tierList.map((x) => p.sizes[x.key] || 0))));
  }

  async function load() {
    const error = document.getElementById('dashboard-error');
    error.replaceChildren();
    document.body.dataset.dashboardLoaded = 'false';
    try {
      const summary = await api('/api/v1/dashboard/summary?' + params());
      drawSummary(summary);
      const since = document.getElementById('since-run').value;
      const [pareto, retention, migration, history] = await Promise.all([
        api('/api/v1/dashboard/pareto'),
        api('/api/v1/dashboard/retention?' + params()),
        api('/api/v1/dashboard/migration?' + params({ since: since || null })),
        api('/api/v1/dashboard/history?' + params())
      ]);
      drawPareto(pareto);
      drawRetention(retention);
      drawMigration(migration);
      drawHistory(history);
      document.body.dataset.dashboardLoaded = 'true';
    } catch (e) {
      notify(error, t('common.loadFailed', e.message), 'error');
    }
  }

  form.addEventListener('submit', (e) => { e.preventDefault(); document.getElementById('since-run').value = ''; load(); });
  form.scheme.addEventListener('change', () => { document.getElementById('since-run').replaceChildren(); load(); });
  document.getElementById('since-run').addEventListener('change', load);
  document.querySelectorAll('[data-chart]').forEach((panel) => {
    panel.querySelector('.download').addEventListener('click', () => {
      const key = panel.dataset.chart;
      downloadCsv(`strata-${key}-${form.scheme.value}.csv`, tables[key] || []);
    });
  });
  window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
  load();
})();
