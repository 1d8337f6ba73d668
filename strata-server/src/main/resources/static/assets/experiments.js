/*
 * Experiment report: shows only the fields of the chosen comparison (a playbook, or two tiers), and draws each
 * outcome as bars with error bars (the confidence intervals) from the figures the page carries; "download data"
 * saves them as CSV like the dashboard's charts.
 */
(function () {
  'use strict';
  const { t, fmt, downloadCsv } = window.Strata;
  const form = document.getElementById('experiment-form');
  const COLORS = ['#1f6feb', '#9aa4b2'];

  function showMode() {
    const mode = form.querySelector('input[name="mode"]:checked').value;
    form.querySelectorAll('.mode-playbook').forEach((el) => { el.hidden = mode !== 'playbook'; });
    form.querySelectorAll('.mode-schemes').forEach((el) => { el.hidden = mode !== 'schemes'; });
    // fields of the other comparison are not sent
    form.querySelectorAll('.mode-playbook select').forEach((el) => { el.disabled = mode !== 'playbook'; });
    form.querySelectorAll('.mode-schemes select').forEach((el) => { el.disabled = mode !== 'schemes'; });
  }
  form.querySelectorAll('input[name="mode"]').forEach((radio) => radio.addEventListener('change', showMode));
  showMode();

  const holder = document.getElementById('experiment-data');
  if (!holder) {
    return; // nothing asked for yet
  }
  const data = JSON.parse(holder.dataset.figures);
  const charts = [];

  function format(metric, value) {
    if (value === null || value === undefined) {
      return '—';
    }
    return metric.unit === 'money' ? fmt.money(value) : fmt.percent(Math.round(value * 10) / 10);
  }

  /** Whiskers from low to high with caps, drawn over each bar. */
  function errorBars(metric) {
    return {
      type: 'custom',
      name: t('experiment.interval'),
      z: 10,
      data: data.groups.map((g, i) => [i, metric.low[i], metric.high[i]])
        .filter((point) => point[1] !== null && point[2] !== null),
      encode: { x: 0, y: [1, 2] },
      renderItem: (params, api) => {
        const low = api.coord([api.value(0), api.value(1)]);
        const high = api.coord([api.value(0), api.value(2)]);
        const cap = api.size([1, 0])[0] * 0.12;
        const style = { stroke: '#182030', lineWidth: 1.5 };
        return {
          type: 'group',
          children: [
            { type: 'line', shape: { x1: low[0], y1: low[1], x2: high[0], y2: high[1] }, style },
            { type: 'line', shape: { x1: high[0] - cap, y1: high[1], x2: high[0] + cap, y2: high[1] }, style },
            { type: 'line', shape: { x1: low[0] - cap, y1: low[1], x2: low[0] + cap, y2: low[1] }, style }
          ]
        };
      }
    };
  }

  function draw(metric) {
    const node = document.getElementById('chart-' + metric.key);
    const chart = echarts.init(node);
    charts.push(chart);
    chart.setOption({
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          const i = items[0].dataIndex;
          return `${data.groups[i]}<br>${format(metric, metric.values[i])} `
            + `(${t('experiment.interval')} ${format(metric, metric.low[i])} … ${format(metric, metric.high[i])})`;
        }
      },
      grid: { left: 70, right: 20, top: 24, bottom: 40 },
      xAxis: { type: 'category', data: data.groups },
      yAxis: {
        type: 'value',
        axisLabel: { formatter: (v) => (metric.unit === 'money' ? fmt.compactMoney(v) : fmt.percent(v)) }
      },
      series: [
        {
          type: 'bar', name: metric.name, barWidth: '45%',
          // no value labels: the error bar runs through the middle of the bar; values are in the table and tooltip
          data: metric.values.map((v, i) => ({ value: v, itemStyle: { color: COLORS[i] } }))
        },
        errorBars(metric)
      ]
    });
    node.setAttribute('aria-label', metric.name + ': ' + data.groups.map((g, i) =>
      `${g} ${format(metric, metric.values[i])} (${format(metric, metric.low[i])} … ${format(metric, metric.high[i])})`)
      .join('; '));
  }

  function rows(metric) {
    const header = [t('experiment.csv.group'), t('experiment.csv.metric'), t('experiment.csv.value'),
      t('experiment.csv.low'), t('experiment.csv.high'), t('experiment.csv.n'), t('experiment.csv.p'),
      t('experiment.csv.significant')];
    const body = data.groups.map((g, i) => [g, metric.name, metric.values[i], metric.low[i], metric.high[i],
      metric.n[i], '', '']);
    body.push([t('experiment.csv.difference'), metric.name, metric.difference[0], metric.difference[1],
      metric.difference[2], '', metric.pValue, metric.significant ? t('experiment.csv.yes') : t('experiment.csv.no')]);
    return [header].concat(body);
  }

  data.metrics.forEach(draw);
  document.querySelectorAll('[data-chart]').forEach((panel) => {
    panel.querySelector('.download').addEventListener('click', () => {
      const metric = data.metrics.find((m) => m.key === panel.dataset.chart);
      downloadCsv(data.fileName.replace('.csv', '-' + metric.key + '.csv'), rows(metric));
    });
  });
  document.body.dataset.experimentDrawn = 'true';
  window.addEventListener('resize', () => charts.forEach((c) => c.resize()));
})();
