// How a locale writes dates, times and numbers, asked of Intl (CLDR) and
// handed to the core as its patterns ("{MMM} {d}", "{y}年{MMM}月") and names
// (months, weekdays, AM/PM). The widget asks the reader's browser, once per
// language, only for pages that are not in English; scripts/locales.mjs asks
// Node once, at build time, for the full core's tables (locales/formats.json),
// so the command line and renderToSvg write what a browser would.

/** Wednesday 7 December 2022, 08:04:05 UTC: every field tells apart (08 vs 8, 07 vs 7). */
const AT = Date.UTC(2022, 11, 7, 8, 4, 5);
const DAY = 86400000;

const fmt = (tag, options) => new Intl.DateTimeFormat(tag, { timeZone: 'UTC', ...options });

/**
 * Intl's text with its spaces plain: CLDR puts narrow and no-break spaces in
 * times ("8:24\u202fAM") and numbers ("30\u00a0%"); the chart measures and
 * draws its text with one font's metrics, which know the plain space.
 */
const plain = (s) => s.replace(/[\u00a0\u2009\u202f]/g, ' ');

/** The parts of `ms` in `options`, as a pattern: each field by its place name, literals as written. */
function pattern(tag, options, ms = AT) {
  const cycle = options.hourCycle;
  const parts = fmt(tag, options).formatToParts(ms);
  // A date and a time together: the time's run of fields is one place, {t}.
  const timeish = (p) => ['hour', 'minute', 'second', 'dayPeriod'].includes(p.type);
  const first = parts.findIndex(timeish);
  const last = parts.length - 1 - [...parts].reverse().findIndex(timeish);
  const whole = options.weekday || options.day;
  let out = '';
  parts.forEach((p, i) => {
    if (whole && first >= 0 && i >= first && i <= last) {
      if (i === first) out += '{t}';
      return;
    }
    const two = p.value.length === 2 && p.value[0] === '0';
    switch (p.type) {
      case 'weekday': out += '{EEE}'; break;
      case 'month': out += options.day || options.year ? '{MMM}' : '{LLL}'; break;
      case 'day': out += two ? '{dd}' : '{d}'; break;
      case 'year': out += '{y}'; break;
      case 'hour': out += cycle === 'h12' ? (two ? '{hh}' : '{h}') : (two ? '{HH}' : '{H}'); break;
      case 'minute': out += '{mm}'; break;
      case 'second': out += '{ss}'; break;
      case 'dayPeriod': out += '{a}'; break;
      default: out += plain(p.value).replace(/[{}|]/g, '');
    }
  });
  return out;
}

/** The value of the `type` part of `ms` in `options`. */
function part(tag, options, ms, type) {
  return plain(fmt(tag, options).formatToParts(ms).find((p) => p.type === type)?.value ?? '');
}

/**
 * The core's formats for `tag` (`Chart.formatFields()` names them): an
 * object of strings, lists joined with `|`.
 */
export function intlFormats(tag) {
  const months = (options) => Array.from({ length: 12 }, (_, m) => part(tag, options, Date.UTC(2022, m, 7, 8), 'month')).join('|');
  const cycle = fmt(tag, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const dateTime = { hour: 'numeric', minute: '2-digit' };
  const numbers = new Intl.NumberFormat(tag);
  const group = numbers.formatToParts(12345).find((p) => p.type === 'group')?.value ?? '';
  return {
    hourCycle: cycle === 'h11' || cycle === 'h12' ? 'h12' : 'h23',
    months: months({ month: 'short', day: 'numeric' }),
    monthsAlone: months({ month: 'short' }),
    // Monday first: 5 December 2022 was a Monday.
    weekdays: Array.from({ length: 7 }, (_, d) => part(tag, { weekday: 'short', month: 'short', day: 'numeric' }, AT + (d - 2) * DAY, 'weekday')).join('|'),
    dayPeriods: [AT, AT + 12 * 3600000].map((ms) => part(tag, { hour: 'numeric', hourCycle: 'h12' }, ms, 'dayPeriod')).join('|'),
    time12: pattern(tag, { ...dateTime, hourCycle: 'h12' }),
    time23: pattern(tag, { ...dateTime, hourCycle: 'h23' }),
    seconds12: pattern(tag, { ...dateTime, second: '2-digit', hourCycle: 'h12' }),
    seconds23: pattern(tag, { ...dateTime, second: '2-digit', hourCycle: 'h23' }),
    hour12: pattern(tag, { hour: 'numeric', hourCycle: 'h12' }),
    dayMonth: pattern(tag, { month: 'short', day: 'numeric' }),
    weekdayDate: pattern(tag, { weekday: 'short', month: 'short', day: 'numeric' }),
    month: pattern(tag, { month: 'short' }),
    monthYear: pattern(tag, { month: 'short', year: 'numeric' }),
    year: pattern(tag, { year: 'numeric' }),
    day: pattern(tag, { day: 'numeric' }),
    dayMonthTime: pattern(tag, { month: 'short', day: 'numeric', ...dateTime }),
    full: pattern(tag, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric', ...dateTime }),
    group: plain(group),
    // Spain writes 1234 but 12.345: the fewest digits before a group is used.
    minGroup: numbers.format(1234).length > 4 ? '1' : '2',
    percent: new Intl.NumberFormat(tag, { style: 'percent' }).formatToParts(0.3)
      .map((p) => (p.type === 'integer' ? '{n}' : plain(p.value))).join(''),
  };
}
