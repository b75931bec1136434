// postie's moment 2.x-compatible date library (independent implementation,
// English locale only, the process's local time zone).
(function () {
  'use strict';
  var MONTHS = 'January_February_March_April_May_June_July_August_September_October_November_December'.split('_');
  var MONTHS_SHORT = MONTHS.map(function (m) { return m.slice(0, 3); });
  var DAYS = 'Sunday_Monday_Tuesday_Wednesday_Thursday_Friday_Saturday'.split('_');
  var DAYS_SHORT = DAYS.map(function (d) { return d.slice(0, 3); });
  var DAYS_MIN = DAYS.map(function (d) { return d.slice(0, 2); });
  var LONG = { LT: 'h:mm A', LTS: 'h:mm:ss A', L: 'MM/DD/YYYY', LL: 'MMMM D, YYYY', LLL: 'MMMM D, YYYY h:mm A', LLLL: 'dddd, MMMM D, YYYY h:mm A' };
  var REL = { future: 'in %s', past: '%s ago', s: 'a few seconds', ss: '%d seconds', m: 'a minute', mm: '%d minutes', h: 'an hour', hh: '%d hours', d: 'a day', dd: '%d days', w: 'a week', ww: '%d weeks', M: 'a month', MM: '%d months', y: 'a year', yy: '%d years' };
  var CAL = { sameDay: '[Today at] LT', nextDay: '[Tomorrow at] LT', nextWeek: 'dddd [at] LT', lastDay: '[Yesterday at] LT', lastWeek: '[Last] dddd [at] LT', sameElse: 'L' };
  var customOrdinal = null;
  var thresholds = { ss: 44, s: 45, m: 45, h: 22, d: 26, w: null, M: 11 };
  var ALIASES = {};
  [['year', 'y', 'years'], ['quarter', 'Q', 'quarters'], ['month', 'M', 'months'], ['week', 'w', 'weeks'], ['isoWeek', 'W', 'isoWeeks'],
    ['day', 'd', 'days'], ['date', 'D', 'dates'], ['hour', 'h', 'hours'], ['minute', 'm', 'minutes'], ['second', 's', 'seconds'],
    ['millisecond', 'ms', 'milliseconds'], ['dayOfYear', 'DDD', 'dayOfYears'], ['weekday', 'e', 'weekdays'], ['isoWeekday', 'E', 'isoWeekdays'],
    ['weekYear', 'gg', 'weekYears'], ['isoWeekYear', 'GG', 'isoWeekYears']].forEach(function (a) {
    ALIASES[a[0]] = a[0]; ALIASES[a[0].toLowerCase()] = a[0]; ALIASES[a[1]] = a[0]; ALIASES[a[2]] = a[0]; ALIASES[a[2].toLowerCase()] = a[0];
  });
  function normUnit(u) { return typeof u === 'string' ? (ALIASES[u] || ALIASES[u.toLowerCase()]) : undefined; }
  function absRound(n) { return n < 0 ? Math.round(-n) * -1 : Math.round(n); }
  function absFloor(n) { return n < 0 ? (Math.ceil(n) || 0) : Math.floor(n); }
  function toInt(v) { var n = +v; return (n !== 0 && isFinite(n)) ? absFloor(n) : 0; }
  function pad(n, w) { var s = String(Math.abs(n)); while (s.length < w) { s = '0' + s; } return (n < 0 ? '-' : '') + s; }
  function isLeap(y) { return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0; }
  function daysInMonth(y, m) { var mm = ((m % 12) + 12) % 12; y += (m - mm) / 12; return mm === 1 ? (isLeap(y) ? 29 : 28) : 31 - mm % 7 % 2; }
  function ordinal(n) { if (customOrdinal) { return customOrdinal(n); } var b = n % 10, o = (toInt(n % 100 / 10) === 1) ? 'th' : (b === 1 ? 'st' : b === 2 ? 'nd' : b === 3 ? 'rd' : 'th'); return n + o; }

  // ---- Moment ----
  function Moment(ts, utc, offset) {
    this._ts = ts; this._isUTC = !!utc; this._offset = utc ? (offset || 0) : 0; this._isAMomentObject = true;
    this._isValid = !isNaN(ts) && ts !== null && isFinite(ts);
    if (!this._isValid) { this._ts = NaN; }
  }
  var proto = Moment.prototype;
  // fields returns [y, M, D, h, m, s, ms, dow] as the moment displays them.
  function fields(m) {
    var d;
    if (m._isUTC) {
      d = new Date(m._ts + m._offset * 60000);
      return [d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds(), d.getUTCMilliseconds(), d.getUTCDay()];
    }
    d = new Date(m._ts);
    return [d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes(), d.getSeconds(), d.getMilliseconds(), d.getDay()];
  }
  function localTs(a) {
    var d = new Date(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    if (a[0] < 100 && a[0] >= 0) { d.setFullYear(a[0]); }
    return d.getTime();
  }
  function utcTs(a) {
    var t = Date.UTC(a[0], a[1], a[2], a[3], a[4], a[5], a[6]);
    if (a[0] < 100 && a[0] >= 0) { var d = new Date(t); d.setUTCFullYear(a[0]); t = d.getTime(); }
    return t;
  }
  function fromFields(m, a) {
    m._ts = m._isUTC ? utcTs(a) - m._offset * 60000 : localTs(a);
    m._isValid = !isNaN(m._ts);
    return m;
  }
  proto.utcOffset = function (input, keepLocalTime) {
    if (input == null) {
      if (!this._isValid) { return NaN; }
      return this._isUTC ? this._offset : -Math.round(new Date(this._ts).getTimezoneOffset());
    }
    if (typeof input === 'string') {
      var off = parseOffset(input);
      if (off === null) { return this; }
      input = off;
    } else if (Math.abs(input) < 16) { input = input * 60; }
    var old = fields(this);
    this._isUTC = true; this._offset = input;
    if (keepLocalTime) { fromFields(this, old); }
    return this;
  };
  proto.utc = function (keep) { return this.utcOffset(0, keep); };
  proto.local = function (keep) {
    if (this._isUTC) { var old = fields(this); this._isUTC = false; this._offset = 0; if (keep) { fromFields(this, old); } }
    return this;
  };
  proto.parseZone = function () { if (this._tzm != null) { this.utcOffset(this._tzm); } return this; };
  proto.isUTC = proto.isUtc = function () { return this._isUTC && this._offset === 0; };
  proto.isUtcOffset = function () { return this._isUTC; };
  proto.isLocal = function () { return !this._isUTC; };
  proto.isDST = function () {
    if (this._isUTC) { return false; }
    var y = fields(this)[0];
    return this.utcOffset() > moment([y, 0, 1]).utcOffset() || this.utcOffset() > moment([y, 5, 1]).utcOffset();
  };
  proto.isValid = function () { return this._isValid; };
  proto.invalidAt = function () { return this._isValid ? -1 : (this._overflow == null ? -1 : this._overflow); };
  proto.parsingFlags = function () { return { overflow: this.invalidAt() }; };
  proto.clone = function () { var m = new Moment(this._ts, this._isUTC, this._offset); m._isValid = this._isValid; m._tzm = this._tzm; m._i = this._i; m._f = this._f; return m; };
  proto.valueOf = function () { return this._ts; };
  proto.unix = function () { return Math.floor(this._ts / 1000); };
  proto.toDate = function () { return new Date(this._ts); };
  proto.toArray = function () { return fields(this).slice(0, 7); };
  proto.toObject = function () { var f = fields(this); return { years: f[0], months: f[1], date: f[2], hours: f[3], minutes: f[4], seconds: f[5], milliseconds: f[6] }; };
  proto.toISOString = function (keepOffset) {
    if (!this._isValid) { return null; }
    var utc = keepOffset !== true;
    var m = utc ? this.clone().utc() : this, y = fields(m)[0];
    var yfmt = (y < 0 || y > 9999) ? 'YYYYYY' : 'YYYY';
    return formatMoment(m, yfmt + (utc ? '-MM-DD[T]HH:mm:ss.SSS[Z]' : '-MM-DD[T]HH:mm:ss.SSSZ'));
  };
  proto.toJSON = function () { return this._isValid ? this.toISOString() : null; };
  proto.toString = function () { return this._isValid ? formatMoment(this.clone(), 'ddd MMM DD YYYY HH:mm:ss [GMT]ZZ') : 'Invalid date'; };
  proto.inspect = function () { return this._isValid ? 'moment' + (this._isUTC && this._offset === 0 ? '.utc' : '') + '("' + this.format('YYYY-MM-DDTHH:mm:ss.SSSZ') + '")' : 'moment.invalid(/* ' + this._i + ' */)'; };
  proto.format = function (fmt) {
    if (!fmt) { fmt = this.isUTC() ? moment.defaultFormatUtc : moment.defaultFormat; }
    return formatMoment(this, fmt);
  };
  proto.locale = function (l) { return l === undefined ? 'en' : this; };
  proto.localeData = function () { return localeData; };
  proto.lang = proto.locale;

  // getters / setters
  function getSet(idx, unit) {
    return function (v) {
      if (v === undefined) { return this._isValid ? fields(this)[idx] : NaN; }
      if (!this._isValid) { return this; }
      var f = fields(this);
      v = typeof v === 'string' && idx === 1 ? monthIndex(v) : toInt(v);
      if (idx === 1) { f[2] = Math.min(f[2], daysInMonth(f[0], v)); }
      if (idx === 0 && f[1] === 1 && f[2] === 29 && !isLeap(v)) { f[2] = 28; }
      f[idx] = v;
      return fromFields(this, f);
    };
  }
  function monthIndex(s) {
    var l = String(s).toLowerCase();
    for (var i = 0; i < 12; i++) { if (MONTHS[i].toLowerCase() === l || MONTHS_SHORT[i].toLowerCase() === l) { return i; } }
    return toInt(s);
  }
  proto.year = proto.years = getSet(0);
  proto.month = proto.months = getSet(1);
  proto.date = proto.dates = getSet(2);
  proto.hour = proto.hours = getSet(3);
  proto.minute = proto.minutes = getSet(4);
  proto.second = proto.seconds = getSet(5);
  proto.millisecond = proto.milliseconds = getSet(6);
  proto.day = proto.days = function (v) {
    if (!this._isValid) { return v != null ? this : NaN; }
    var d = fields(this)[7];
    if (v == null) { return d; }
    if (typeof v === 'string') { var i = weekdayIndex(v); v = i < 0 ? toInt(v) : i; }
    return this.add(v - d, 'd');
  };
  function weekdayIndex(s) { var l = s.toLowerCase(); for (var i = 0; i < 7; i++) { if (DAYS[i].toLowerCase() === l || DAYS_SHORT[i].toLowerCase() === l || DAYS_MIN[i].toLowerCase() === l) { return i; } } return -1; }
  proto.weekday = function (v) { var wd = this.day(); return v == null ? wd : this.add(v - wd, 'd'); };
  proto.isoWeekday = function (v) {
    var d = this.day() || 7;
    if (v == null) { return d; }
    if (typeof v === 'string') { var i = weekdayIndex(v); v = i < 0 ? toInt(v) : (i || 7); }
    return this.day(this.day() % 7 ? v : v - 7);
  };
  proto.dayOfYear = function (v) {
    var f = fields(this), doy = Math.round((Date.UTC(f[0], f[1], f[2]) - Date.UTC(f[0], 0, 1)) / 864e5) + 1;
    return v == null ? doy : this.add(v - doy, 'd');
  };
  proto.quarter = proto.quarters = function (v) {
    var q = Math.ceil((fields(this)[1] + 1) / 3);
    return v == null ? q : this.month((v - 1) * 3 + fields(this)[1] % 3);
  };
  function firstWeekOffset(y, dow, doy) { var fwd = 7 + dow - doy; var fwdlw = (7 + new Date(Date.UTC(y, 0, fwd)).getUTCDay() - dow) % 7; return -fwdlw + fwd - 1; }
  function daysInYear(y) { return isLeap(y) ? 366 : 365; }
  function weeksInYear(y, dow, doy) { return (daysInYear(y) - firstWeekOffset(y, dow, doy) + firstWeekOffset(y + 1, dow, doy)) / 7; }
  function weekOfYear(m, dow, doy) {
    var y = fields(m)[0], off = firstWeekOffset(y, dow, doy), week = Math.floor((m.dayOfYear() - off - 1) / 7) + 1, ry = y;
    if (week < 1) { ry = y - 1; week = week + weeksInYear(ry, dow, doy); } else if (week > weeksInYear(y, dow, doy)) { week = week - weeksInYear(y, dow, doy); ry = y + 1; }
    return { week: week, year: ry };
  }
  proto.week = proto.weeks = function (v) { var w = weekOfYear(this, 0, 6).week; return v == null ? w : this.add((v - w) * 7, 'd'); };
  proto.isoWeek = proto.isoWeeks = function (v) { var w = weekOfYear(this, 1, 4).week; return v == null ? w : this.add((v - w) * 7, 'd'); };
  proto.weekYear = function () { return weekOfYear(this, 0, 6).year; };
  proto.isoWeekYear = function () { return weekOfYear(this, 1, 4).year; };
  proto.weeksInYear = function () { return weeksInYear(this.year(), 0, 6); };
  proto.isoWeeksInYear = function () { return weeksInYear(this.year(), 1, 4); };
  proto.weeksInWeekYear = function () { return weeksInYear(this.weekYear(), 0, 6); };
  proto.isoWeeksInISOWeekYear = function () { return weeksInYear(this.isoWeekYear(), 1, 4); };
  proto.zoneAbbr = function () { return this._isUTC && this._offset === 0 ? 'UTC' : ''; };
  proto.zoneName = function () { return this._isUTC && this._offset === 0 ? 'Coordinated Universal Time' : ''; };
  proto.hasAlignedHourOffset = function (input) {
    if (!this._isValid) { return false; }
    var o = input ? toMoment(input).utcOffset() : 0;
    return (this.utcOffset() - o) % 60 === 0;
  };
  proto.isDSTShifted = function () { return false; };
  proto.creationData = function () { return { input: this._i, format: this._f, locale: localeData, isUTC: this._isUTC, strict: !!this._strict }; };
  proto.daysInMonth = function () { var f = fields(this); return daysInMonth(f[0], f[1]); };
  proto.isLeapYear = function () { return isLeap(fields(this)[0]); };
  proto.get = function (u) { u = normUnit(u); return typeof this[u] === 'function' ? this[u]() : undefined; };
  proto.set = function (u, v) {
    if (typeof u === 'object') {
      var order = ['year', 'quarter', 'month', 'week', 'isoWeek', 'date', 'day', 'dayOfYear', 'weekday', 'isoWeekday', 'hour', 'minute', 'second', 'millisecond'];
      var self = this, norm = {};
      Object.keys(u).forEach(function (k) { norm[normUnit(k)] = u[k]; });
      order.forEach(function (k) { if (k in norm) { self[k](norm[k]); } });
      return this;
    }
    u = normUnit(u);
    if (typeof this[u] === 'function') { return this[u](v); }
    return this;
  };
  proto.zone = function (v) { return v == null ? -this.utcOffset() : this.utcOffset(typeof v === 'string' ? v : -v); };

  // ---- manipulation ----
  function addDuration(m, dur, sign) {
    if (!m._isValid) { return m; }
    var ms = dur._milliseconds * sign, days = absRound(dur._days) * sign, months = absRound(dur._months) * sign;
    if (months) {
      var f = fields(m), total = f[1] + months, y = f[0] + Math.floor(total / 12), mo = ((total % 12) + 12) % 12;
      f[0] = y; f[1] = mo; f[2] = Math.min(f[2], daysInMonth(y, mo));
      fromFields(m, f);
    }
    if (days) { var g = fields(m); g[2] += days; fromFields(m, g); }
    if (ms) { m._ts += ms; }
    return m;
  }
  function argsToDuration(a, b) {
    if (typeof a === 'string' && (typeof b === 'number' || (typeof b === 'string' && !isNaN(+b) && normUnit(a)))) { var t = a; a = b; b = t; }
    return createDuration(a, b);
  }
  proto.add = function (a, b) { return addDuration(this, argsToDuration(a, b), 1); };
  proto.subtract = function (a, b) { return addDuration(this, argsToDuration(a, b), -1); };
  proto.startOf = function (u) {
    u = normUnit(u);
    if (!u || u === 'millisecond' || !this._isValid) { return this; }
    var f = fields(this);
    switch (u) {
      case 'year': f = [f[0], 0, 1, 0, 0, 0, 0]; break;
      case 'quarter': f = [f[0], f[1] - f[1] % 3, 1, 0, 0, 0, 0]; break;
      case 'month': f = [f[0], f[1], 1, 0, 0, 0, 0]; break;
      case 'week': case 'weekday': f = [f[0], f[1], f[2] - f[7], 0, 0, 0, 0]; break;
      case 'isoWeek': f = [f[0], f[1], f[2] - (f[7] + 6) % 7, 0, 0, 0, 0]; break;
      case 'day': case 'date': f = [f[0], f[1], f[2], 0, 0, 0, 0]; break;
      case 'hour': f = [f[0], f[1], f[2], f[3], 0, 0, 0]; break;
      case 'minute': this._ts -= ((this._ts % 6e4) + 6e4) % 6e4; return this;
      case 'second': this._ts -= ((this._ts % 1e3) + 1e3) % 1e3; return this;
      default: return this;
    }
    return fromFields(this, f.slice(0, 7));
  };
  proto.endOf = function (u) {
    u = normUnit(u);
    if (!u || u === 'millisecond' || !this._isValid) { return this; }
    var unit = u === 'date' ? 'day' : u;
    this.startOf(unit);
    return this.add(1, unit === 'isoWeek' || unit === 'weekday' ? 'week' : unit).subtract(1, 'ms');
  };

  // ---- comparison ----
  function toMoment(x) { return moment.isMoment(x) ? x : moment(x); }
  proto.isAfter = function (x, u) {
    var o = toMoment(x); if (!(this._isValid && o._isValid)) { return false; }
    u = normUnit(u) || 'millisecond';
    return u === 'millisecond' ? this._ts > o._ts : o.valueOf() < this.clone().startOf(u).valueOf();
  };
  proto.isBefore = function (x, u) {
    var o = toMoment(x); if (!(this._isValid && o._isValid)) { return false; }
    u = normUnit(u) || 'millisecond';
    return u === 'millisecond' ? this._ts < o._ts : this.clone().endOf(u).valueOf() < o.valueOf();
  };
  proto.isSame = function (x, u) {
    var o = toMoment(x); if (!(this._isValid && o._isValid)) { return false; }
    u = normUnit(u) || 'millisecond';
    if (u === 'millisecond') { return this._ts === o._ts; }
    var v = o.valueOf();
    return this.clone().startOf(u).valueOf() <= v && v <= this.clone().endOf(u).valueOf();
  };
  proto.isSameOrAfter = function (x, u) { return this.isSame(x, u) || this.isAfter(x, u); };
  proto.isSameOrBefore = function (x, u) { return this.isSame(x, u) || this.isBefore(x, u); };
  proto.isBetween = function (from, to, u, inc) {
    var a = toMoment(from), b = toMoment(to);
    if (!(this._isValid && a._isValid && b._isValid)) { return false; }
    inc = inc || '()';
    return (inc[0] === '(' ? this.isAfter(a, u) : !this.isBefore(a, u)) && (inc[1] === ')' ? this.isBefore(b, u) : !this.isAfter(b, u));
  };
  function monthDiff(a, b) {
    if (a.date() < b.date()) { return -monthDiff(b, a); }
    var whole = (b.year() - a.year()) * 12 + (b.month() - a.month()), anchor = a.clone().add(whole, 'months'), anchor2, adjust;
    if (b - anchor < 0) { anchor2 = a.clone().add(whole - 1, 'months'); adjust = (b - anchor) / (anchor - anchor2); } else { anchor2 = a.clone().add(whole + 1, 'months'); adjust = (b - anchor) / (anchor2 - anchor); }
    return -(whole + adjust) || 0;
  }
  proto.diff = function (x, u, asFloat) {
    if (!this._isValid) { return NaN; }
    var that = toMoment(x);
    if (!that._isValid) { return NaN; }
    that = that.clone(); if (this._isUTC) { that.utcOffset(this._offset); } else { that.local(); }
    var zoneDelta = (that.utcOffset() - this.utcOffset()) * 6e4, out;
    u = normUnit(u);
    switch (u) {
      case 'year': out = monthDiff(this, that) / 12; break;
      case 'month': out = monthDiff(this, that); break;
      case 'quarter': out = monthDiff(this, that) / 3; break;
      case 'second': out = (this - that) / 1e3; break;
      case 'minute': out = (this - that) / 6e4; break;
      case 'hour': out = (this - that) / 36e5; break;
      case 'day': out = (this - that - zoneDelta) / 864e5; break;
      case 'week': out = (this - that - zoneDelta) / 6048e5; break;
      default: out = this - that;
    }
    return asFloat ? out : absFloor(out);
  };
  proto.from = function (x, noSuffix) {
    var o = toMoment(x);
    if (!(this._isValid && o._isValid)) { return 'Invalid date'; }
    return createDuration({ to: this, from: o }).humanize(!noSuffix);
  };
  proto.fromNow = function (noSuffix) { return this.from(moment(), noSuffix); };
  proto.to = function (x, noSuffix) {
    var o = toMoment(x);
    if (!(this._isValid && o._isValid)) { return 'Invalid date'; }
    return createDuration({ from: this, to: o }).humanize(!noSuffix);
  };
  proto.toNow = function (noSuffix) { return this.to(moment(), noSuffix); };
  proto.calendar = function (time, formats) {
    if (arguments.length === 1 && time && !moment.isMoment(time) && !(time instanceof Date) && typeof time === 'object') { formats = time; time = undefined; }
    var now = time ? toMoment(time) : moment(), sod = now.clone();
    if (this._isUTC) { sod.utcOffset(this._offset); } else { sod.local(); }
    sod.startOf('day');
    var diff = this.diff(sod, 'days', true);
    var key = diff < -6 ? 'sameElse' : diff < -1 ? 'lastWeek' : diff < 0 ? 'lastDay' : diff < 1 ? 'sameDay' : diff < 2 ? 'nextDay' : diff < 7 ? 'nextWeek' : 'sameElse';
    var cal = CAL;
    var out = formats && formats[key] !== undefined ? formats[key] : cal[key];
    if (typeof out === 'function') { out = out.call(this, now); }
    return this.format(out);
  };

  // ---- formatting ----
  var tokenRe = /(\[[^\[]*\])|(\\)?([Hh]mm(ss)?|Mo|MM?M?M?|Do|DDDo|DD?D?D?|ddd?d?|do?|w[o|w]?|W[o|W]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|y{2,4}|yo?|gg(ggg?)?|GG(GGG?)?|e|E|a|A|hh?|HH?|kk?|mm?|ss?|S{1,9}|x|X|zz?|ZZ?|.)/g;
  var longRe = /(\[[^\[]*\])|(\\)?(LTS|LT|LL?L?L?|l{1,4})/g;
  function expandLong(fmt) {
    for (var i = 0; i < 5 && longRe.test(fmt); i++) {
      longRe.lastIndex = 0;
      fmt = fmt.replace(longRe, function (m, br, esc, t) {
        if (br || esc) { return m; }
        if (LONG[t]) { return LONG[t]; }
        var up = LONG[t.toUpperCase()];
        return up.replace(/MMMM|MM|DD|dddd/g, function (x) { return x.slice(1); });
      });
    }
    longRe.lastIndex = 0;
    return fmt;
  }
  function offsetStr(m, sep) { var o = m.utcOffset(), s = o < 0 ? '-' : '+'; o = Math.abs(o); return s + pad(~~(o / 60), 2) + sep + pad(~~o % 60, 2); }
  function formatToken(m, t, f) {
    switch (t) {
      case 'M': return f[1] + 1; case 'Mo': return ordinal(f[1] + 1); case 'MM': return pad(f[1] + 1, 2);
      case 'MMM': return MONTHS_SHORT[f[1]]; case 'MMMM': return MONTHS[f[1]];
      case 'D': return f[2]; case 'Do': return ordinal(f[2]); case 'DD': return pad(f[2], 2);
      case 'DDD': return m.dayOfYear(); case 'DDDo': return ordinal(m.dayOfYear()); case 'DDDD': return pad(m.dayOfYear(), 3);
      case 'd': return f[7]; case 'do': return ordinal(f[7]); case 'dd': return DAYS_MIN[f[7]]; case 'ddd': return DAYS_SHORT[f[7]]; case 'dddd': return DAYS[f[7]];
      case 'e': return f[7]; case 'E': return f[7] || 7;
      case 'w': return m.week(); case 'wo': return ordinal(m.week()); case 'ww': return pad(m.week(), 2);
      case 'W': return m.isoWeek(); case 'Wo': return ordinal(m.isoWeek()); case 'WW': return pad(m.isoWeek(), 2);
      case 'Q': return m.quarter(); case 'Qo': return ordinal(m.quarter());
      case 'YY': return pad(((f[0] % 100) + 100) % 100, 2);
      case 'YYYY': return f[0] <= 9999 ? pad(f[0], 4) : '+' + f[0];
      case 'YYYYY': return pad(f[0], 5);
      case 'YYYYYY': return (f[0] < 0 ? '-' : '+') + pad(Math.abs(f[0]), 6);
      case 'Y': return f[0] <= 9999 ? String(f[0]) : '+' + f[0];
      case 'y': case 'yyyy': return String(f[0]); case 'yy': return pad(f[0] % 100, 2);
      case 'gg': return pad(m.weekYear() % 100, 2); case 'gggg': return pad(m.weekYear(), 4); case 'ggggg': return pad(m.weekYear(), 5);
      case 'GG': return pad(m.isoWeekYear() % 100, 2); case 'GGGG': return pad(m.isoWeekYear(), 4); case 'GGGGG': return pad(m.isoWeekYear(), 5);
      case 'a': return f[3] > 11 ? 'pm' : 'am'; case 'A': return f[3] > 11 ? 'PM' : 'AM';
      case 'H': return f[3]; case 'HH': return pad(f[3], 2);
      case 'h': return f[3] % 12 || 12; case 'hh': return pad(f[3] % 12 || 12, 2);
      case 'k': return f[3] || 24; case 'kk': return pad(f[3] || 24, 2);
      case 'hmm': return (f[3] % 12 || 12) + pad(f[4], 2); case 'hmmss': return (f[3] % 12 || 12) + pad(f[4], 2) + pad(f[5], 2);
      case 'Hmm': return f[3] + pad(f[4], 2); case 'Hmmss': return f[3] + pad(f[4], 2) + pad(f[5], 2);
      case 'm': return f[4]; case 'mm': return pad(f[4], 2);
      case 's': return f[5]; case 'ss': return pad(f[5], 2);
      case 'X': return Math.floor(m._ts / 1000); case 'x': return m._ts;
      case 'Z': return offsetStr(m, ':'); case 'ZZ': return offsetStr(m, '');
      case 'z': case 'zz': return m._isUTC && m._offset === 0 ? 'UTC' : '';
      case 'N': case 'NN': case 'NNN': return f[0] > 0 ? 'AD' : 'BC'; case 'NNNN': return f[0] > 0 ? 'Anno Domini' : 'Before Christ'; case 'NNNNN': return f[0] > 0 ? 'AD' : 'BC';
    }
    if (/^S+$/.test(t)) { var ms = pad(f[6], 3) + '000000'; return ms.slice(0, t.length); }
    return t;
  }
  function formatMoment(m, fmt) {
    if (!m._isValid) { return 'Invalid date'; }
    fmt = expandLong(fmt);
    var f = fields(m);
    return fmt.replace(tokenRe, function (match, br, esc, t) {
      if (br) { return br.slice(1, -1); }
      if (esc) { return t; }
      return String(formatToken(m, t, f));
    });
  }

  // ---- parsing ----
  function parseOffset(s) {
    var mm = /(Z|[+-]\d\d(?::?\d\d)?)\s*$/i.exec(String(s));
    if (!mm) { return null; }
    if (mm[1].toUpperCase() === 'Z') { return 0; }
    var p = /([+-])(\d\d):?(\d\d)?/.exec(mm[1]), mins = (+p[2]) * 60 + (+(p[3] || 0));
    return mins === 0 ? 0 : (p[1] === '+' ? mins : -mins);
  }
  var isoRe = /^\s*((?:[+-]\d{6}|\d{4})-(?:\d\d-\d\d|\d\d)|\d{8})(?:(T| )(\d\d(?::?\d\d(?::?\d\d(?:[.,]\d+)?)?)?)([+-]\d\d(?::?\d\d)?|\s*Z)?)?$/;
  function parseISO(s) {
    var mm = isoRe.exec(s);
    if (!mm) { return null; }
    var d = mm[1], a = [0, 0, 1, 0, 0, 0, 0];
    var dm = /^([+-]\d{6}|\d{4})-?(\d\d)(?:-?(\d\d))?$/.exec(d);
    if (!dm) { return null; }
    a[0] = +dm[1]; a[1] = +dm[2] - 1; a[2] = dm[3] ? +dm[3] : 1;
    if (mm[3]) {
      var tm = /^(\d\d)(?::?(\d\d)(?::?(\d\d)(?:[.,](\d+))?)?)?$/.exec(mm[3]);
      if (!tm) { return null; }
      a[3] = +tm[1]; a[4] = +(tm[2] || 0); a[5] = +(tm[3] || 0); a[6] = tm[4] ? toInt(('0.' + tm[4]) * 1000) : 0;
    }
    return { a: a, tz: mm[4] != null ? parseOffset(mm[4].trim()) : null };
  }
  var rfcRe = /^(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s)?(\d{1,2})\s(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s(\d{2,4})\s(\d\d):(\d\d)(?::(\d\d))?\s(?:(UT|GMT|[ECMP][SD]T)|([Zz])|([+-]\d{4}))$/;
  var obsOffsets = { UT: 0, GMT: 0, EDT: -240, EST: -300, CDT: -300, CST: -360, MDT: -360, MST: -420, PDT: -420, PST: -480 };
  function parseRFC(s) {
    var m = rfcRe.exec(s.replace(/\([^()]*\)|[\n\t]/g, ' ').replace(/(\s\s+)/g, ' ').replace(/^\s\s*/, '').replace(/\s\s*$/, ''));
    if (!m) { return null; }
    var y = +m[4]; if (m[4].length === 2) { y += y > 49 ? 1900 : 2000; }
    var tz = m[8] ? obsOffsets[m[8]] : m[9] ? 0 : parseOffset(m[10]);
    return { a: [y, MONTHS_SHORT.indexOf(m[3]), +m[2], +m[5], +m[6], +(m[7] || 0), 0], tz: tz };
  }
  function validFields(a) {
    if (a[1] < 0 || a[1] > 11) { return 1; }
    if (a[2] < 1 || a[2] > daysInMonth(a[0], a[1])) { return 2; }
    if (a[3] < 0 || a[3] > 24 || (a[3] === 24 && (a[4] || a[5] || a[6]))) { return 3; }
    if (a[4] < 0 || a[4] > 59) { return 4; }
    if (a[5] < 0 || a[5] > 59) { return 5; }
    if (a[6] < 0 || a[6] > 999) { return 6; }
    return -1;
  }
  function build(a, tz, utc) {
    var of = validFields(a);
    if (of >= 0) { var bad = new Moment(NaN, utc); bad._overflow = of; return bad; }
    var ts;
    if (tz != null) { ts = utcTs(a) - tz * 60000; } else if (utc) { ts = utcTs(a); } else { ts = localTs(a); }
    var m = new Moment(ts, utc, 0);
    if (tz != null) { m._tzm = tz; }
    return m;
  }
  var formatTokenRe = /(\[[^\[]*\])|(\\)?(YYYYYY|YYYYY|YYYY|YY|Y|MMMM|MMM|MM|M|DDDD|DDD|Do|DD|D|dddd|ddd|dd|d|HH|H|hh|h|kk|k|mm|m|ss|s|S{1,9}|A|a|X|x|ZZ|Z|E|e|WW|W|ww|w|gggg|GGGG|Q)|./g;
  function tokenRegex(t, strict) {
    var n = strict ? { 1: '\\d', 2: '\\d\\d' } : null;
    switch (t) {
      case 'YYYY': return strict ? /^\d{4}/ : /\d{1,4}/;
      case 'YYYYY': case 'YYYYYY': return strict ? /^[+-]?\d{5,6}/ : /[+-]?\d{1,6}/;
      case 'Y': return /[+-]?\d+/;
      case 'YY': case 'MM': case 'DD': case 'HH': case 'hh': case 'kk': case 'mm': case 'ss': case 'WW': case 'ww': return strict ? /^\d\d/ : /\d\d?/;
      case 'M': case 'D': case 'H': case 'h': case 'k': case 'm': case 's': case 'W': case 'w': case 'd': case 'e': case 'E': case 'Q': return /\d\d?/;
      case 'DDD': return /\d{1,3}/; case 'DDDD': return /\d{3}/;
      case 'Do': return /\d{1,2}(?:st|nd|rd|th)?/;
      case 'MMM': return /Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/i;
      case 'MMMM': return /January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/i;
      case 'dddd': case 'ddd': case 'dd': return /Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sun|Mon|Tue|Wed|Thu|Fri|Sat|Su|Mo|Tu|We|Th|Fr|Sa/i;
      case 'a': case 'A': return /[ap]\.?m?\.?/i;
      case 'X': return /[+-]?\d+(\.\d{1,3})?/; case 'x': return /[+-]?\d+/;
      case 'Z': case 'ZZ': return /Z|[+-]\d\d:?\d\d/i;
      case 'gggg': case 'GGGG': return /\d{1,4}/;
    }
    if (/^S+$/.test(t)) { return strict ? new RegExp('^\\d{' + t.length + '}') : /\d+/; }
    return null;
  }
  function parseWithFormat(input, fmt, strict, utc) {
    fmt = expandLong(fmt);
    var s = String(input), a = [null, null, null, 0, 0, 0, 0], tz = null, pm = null, unix = null, ok = true, skipped = false;
    var toks = [], m; formatTokenRe.lastIndex = 0;
    while ((m = formatTokenRe.exec(fmt))) { toks.push(m[1] ? { lit: m[1].slice(1, -1) } : m[3] && !m[2] ? { tok: m[3] } : { lit: m[3] || m[0] }); }
    var matchedAny = false;
    toks.forEach(function (t) {
      if (!ok) { return; }
      if (t.lit !== undefined) {
        var i = s.indexOf(t.lit);
        if (strict) { if (i !== 0) { ok = false; return; } s = s.slice(t.lit.length); return; }
        if (i >= 0 && i <= 0) { s = s.slice(i + t.lit.length); }
        return;
      }
      var re = tokenRegex(t.tok, strict), mm = re ? re.exec(s) : null;
      if (!mm) { if (strict) { ok = false; } return; }
      if (mm.index > 0) { skipped = true; if (strict) { ok = false; return; } }
      s = s.slice(mm.index + mm[0].length);
      matchedAny = true;
      var v = mm[0];
      switch (t.tok) {
        case 'YYYY': case 'YYYYY': case 'YYYYYY': case 'Y': case 'gggg': case 'GGGG': a[0] = v.length === 2 && t.tok === 'YYYY' && !strict ? toInt(v) + (toInt(v) > 68 ? 1900 : 2000) : toInt(v); break;
        case 'YY': a[0] = toInt(v) + (toInt(v) > 68 ? 1900 : 2000); break;
        case 'M': case 'MM': a[1] = toInt(v) - 1; break;
        case 'MMM': case 'MMMM': a[1] = monthIndex(v.slice(0, 3)); break;
        case 'D': case 'DD': a[2] = toInt(v); break;
        case 'Do': a[2] = parseInt(v, 10); break;
        case 'DDD': case 'DDDD': a._doy = toInt(v); break;
        case 'H': case 'HH': case 'h': case 'hh': case 'k': case 'kk': a[3] = toInt(v); break;
        case 'm': case 'mm': a[4] = toInt(v); break;
        case 's': case 'ss': a[5] = toInt(v); break;
        case 'a': case 'A': pm = v.toLowerCase().charAt(0) === 'p'; break;
        case 'X': unix = parseFloat(v) * 1000; break;
        case 'x': unix = toInt(v); break;
        case 'Z': case 'ZZ': tz = parseOffset(v); break;
        case 'Q': a[1] = (toInt(v) - 1) * 3; break;
        default: if (/^S+$/.test(t.tok)) { a[6] = toInt(('0.' + v) * 1000); }
      }
    });
    if (strict && s.length) { ok = false; }
    if (!ok || (!matchedAny && toks.some(function (t) { return t.tok; }))) { var bad = new Moment(NaN, utc); return bad; }
    if (unix !== null) { return new Moment(Math.round(unix), utc, 0); }
    if (pm !== null && a[3] != null) { if (pm && a[3] < 12) { a[3] += 12; } if (!pm && a[3] === 12) { a[3] = 0; } }
    var now = utc ? moment.utc() : moment(), cur = now.toArray(), i;
    if (a._doy != null) { if (a[0] == null) { a[0] = cur[0]; } var dd = new Date(Date.UTC(a[0], 0, a._doy)); a[1] = dd.getUTCMonth(); a[2] = dd.getUTCDate(); }
    for (i = 0; i < 3 && a[i] == null; i++) { a[i] = cur[i]; }
    for (; i < 3; i++) { if (a[i] == null) { a[i] = i === 2 ? 1 : 0; } }
    return build(a.slice(0, 7), tz, utc);
  }
  function createFromString(s, utc) {
    var r = parseISO(s) || parseRFC(s);
    if (r) { return build(r.a, r.tz, utc); }
    var d = new Date(s);
    return new Moment(d.getTime(), utc, 0);
  }
  function create(input, format, strict, utc) {
    var m;
    if (typeof format === 'boolean') { strict = format; format = undefined; }
    if (moment.isMoment(input)) { m = input.clone(); if (utc) { m.utc(); } return m; }
    if (input === undefined) { m = new Moment(Date.now(), utc, 0); }
    else if (input === null || input === '') { m = new Moment(NaN, utc, 0); }
    else if (input instanceof Date) { m = new Moment(input.getTime(), utc, 0); }
    else if (typeof input === 'number') { m = new Moment(input, utc, 0); }
    else if (Array.isArray(input)) {
      if (!input.length) { m = new Moment(Date.now(), utc, 0); m = m.startOf('day'); } else {
        var a = [input[0], input[1] || 0, input[2] == null ? 1 : input[2], input[3] || 0, input[4] || 0, input[5] || 0, input[6] || 0].map(toInt);
        m = build(a, null, utc);
      }
    } else if (typeof input === 'object' && !format) {
      var o = {};
      Object.keys(input).forEach(function (k) { o[normUnit(k)] = input[k]; });
      var now = utc ? moment.utc().toArray() : moment().toArray();
      var arr = [o.year, o.month, o.day !== undefined ? o.day : o.date, o.hour, o.minute, o.second, o.millisecond];
      var j; for (j = 0; j < 3 && arr[j] == null; j++) { arr[j] = now[j]; }
      for (; j < 7; j++) { if (arr[j] == null) { arr[j] = j === 2 ? 1 : 0; } }
      m = build(arr.map(toInt), null, utc);
    } else if (format !== undefined && format !== null) {
      if (Array.isArray(format)) {
        for (var k = 0; k < format.length; k++) { m = create(input, format[k], strict, utc); if (m._isValid) { break; } }
        if (!m) { m = new Moment(NaN, utc); }
      } else if (format === moment.ISO_8601) {
        var r = parseISO(String(input));
        m = r ? build(r.a, r.tz, utc) : new Moment(NaN, utc);
      } else {
        m = parseWithFormat(input, format, strict, utc);
      }
    } else {
      m = createFromString(String(input), utc);
    }
    m._i = input; m._f = format; m._strict = !!strict;
    if (utc && m._isValid) { m._isUTC = true; m._offset = 0; }
    return m;
  }
  function moment(input, format, locale, strict) {
    if (typeof locale === 'boolean') { strict = locale; }
    return create(input, format, strict, false);
  }
  moment.utc = function (input, format, locale, strict) {
    if (typeof locale === 'boolean') { strict = locale; }
    return create(input, format, strict, true);
  };
  moment.parseZone = function (input, format, locale, strict) {
    var m = moment.utc(input, format, locale, strict);
    if (m._tzm != null) { m.utcOffset(m._tzm); } else if (typeof input === 'string') { var off = parseOffset(input); if (off !== null) { m.utcOffset(off); } }
    return m;
  };
  moment.unix = function (s) { return moment(s * 1000); };
  moment.invalid = function () { return new Moment(NaN); };
  moment.isMoment = function (x) { return x instanceof Moment || (x != null && x._isAMomentObject === true); };
  moment.isDate = function (x) { return x instanceof Date; };
  moment.now = function () { return Date.now(); };
  moment.version = '2.30.1';
  moment.ISO_8601 = function () {};
  moment.RFC_2822 = function () {};
  moment.defaultFormat = 'YYYY-MM-DDTHH:mm:ssZ';
  moment.defaultFormatUtc = 'YYYY-MM-DDTHH:mm:ss[Z]';
  moment.locale = function () { return 'en'; };
  moment.locales = function () { return ['en']; };
  moment.lang = moment.locale;
  moment.months = function (i) { return i == null ? MONTHS.slice() : MONTHS[i]; };
  moment.monthsShort = function (i) { return i == null ? MONTHS_SHORT.slice() : MONTHS_SHORT[i]; };
  moment.weekdays = function (i) { return i == null ? DAYS.slice() : DAYS[i]; };
  moment.weekdaysShort = function (i) { return i == null ? DAYS_SHORT.slice() : DAYS_SHORT[i]; };
  moment.weekdaysMin = function (i) { return i == null ? DAYS_MIN.slice() : DAYS_MIN[i]; };
  moment.parseTwoDigitYear = function (input) { return toInt(input) + (toInt(input) > 68 ? 1900 : 2000); };
  moment.calendarFormat = function (m, now) {
    var diff = m.diff(now, 'days', true);
    return diff < -6 ? 'sameElse' : diff < -1 ? 'lastWeek' : diff < 0 ? 'lastDay' : diff < 1 ? 'sameDay' : diff < 2 ? 'nextDay' : diff < 7 ? 'nextWeek' : 'sameElse';
  };
  moment.updateOffset = function () {};
  moment.normalizeUnits = function (u) { return normUnit(u); };
  moment.relativeTimeThreshold = function (k, v) { if (thresholds[k] === undefined) { return false; } if (v === undefined) { return thresholds[k]; } thresholds[k] = v; return true; };
  moment.relativeTimeRounding = function () { return Math.round; };
  function pick(cmp, args) {
    var a = args.length === 1 && Array.isArray(args[0]) ? args[0] : Array.prototype.slice.call(args);
    if (!a.length) { return moment(); }
    var r = toMoment(a[0]);
    for (var i = 1; i < a.length; i++) { var c = toMoment(a[i]); if (!c._isValid || cmp(c, r)) { r = c; } }
    return r;
  }
  moment.max = function () { return pick(function (c, r) { return c.isAfter(r); }, arguments); };
  moment.min = function () { return pick(function (c, r) { return c.isBefore(r); }, arguments); };
  var localeData = {
    months: moment.months, monthsShort: moment.monthsShort, weekdays: moment.weekdays, weekdaysShort: moment.weekdaysShort, weekdaysMin: moment.weekdaysMin,
    longDateFormat: function (k) { return LONG[k]; }, ordinal: ordinal, firstDayOfWeek: function () { return 0; }, firstDayOfYear: function () { return 6; }
  };
  moment.localeData = function () { return localeData; };
  // updateLocale / defineLocale change the English locale in place (the only
  // locale postie has): names, formats, relative time, calendar, ordinal.
  function replaceList(list, v) { if (Array.isArray(v) && v.length === list.length) { for (var i = 0; i < v.length; i++) { list[i] = v[i]; } } }
  moment.updateLocale = moment.defineLocale = function (name, cfg) {
    if (!cfg) { return localeData; }
    replaceList(MONTHS, cfg.months); replaceList(MONTHS_SHORT, cfg.monthsShort);
    replaceList(DAYS, cfg.weekdays); replaceList(DAYS_SHORT, cfg.weekdaysShort); replaceList(DAYS_MIN, cfg.weekdaysMin);
    [[cfg.longDateFormat, LONG], [cfg.relativeTime, REL], [cfg.calendar, CAL]].forEach(function (p) {
      if (p[0]) { Object.keys(p[0]).forEach(function (k) { p[1][k] = p[0][k]; }); }
    });
    if (typeof cfg.ordinal === 'function') { customOrdinal = cfg.ordinal; }
    return localeData;
  };
  moment.fn = proto;

  // ---- durations ----
  function Duration(o) {
    this._milliseconds = (o.milliseconds || 0) + (o.seconds || 0) * 1e3 + (o.minutes || 0) * 6e4 + (o.hours || 0) * 36e5;
    this._days = (o.days || 0) + (o.weeks || 0) * 7;
    this._months = (o.months || 0) + (o.quarters || 0) * 3 + (o.years || 0) * 12;
    this._isValid = true;
    this._data = {};
    bubble(this);
  }
  function daysToMonths(d) { return d * 4800 / 146097; }
  function monthsToDays(m) { return m * 146097 / 4800; }
  function absCeil(n) { return n < 0 ? Math.floor(n) : Math.ceil(n); }
  function bubble(d) {
    var ms = d._milliseconds, days = d._days, months = d._months, data = d._data;
    if (!((ms >= 0 && days >= 0 && months >= 0) || (ms <= 0 && days <= 0 && months <= 0))) { ms += absCeil(monthsToDays(months) + days) * 864e5; days = 0; months = 0; }
    data.milliseconds = ms % 1000;
    var secs = absFloor(ms / 1000); data.seconds = secs % 60;
    var mins = absFloor(secs / 60); data.minutes = mins % 60;
    var hours = absFloor(mins / 60); data.hours = hours % 24;
    days += absFloor(hours / 24);
    var mfd = absFloor(daysToMonths(days)); months += mfd; days -= absCeil(monthsToDays(mfd));
    data.days = days; data.months = months % 12; data.years = absFloor(months / 12);
  }
  var dproto = Duration.prototype;
  dproto.as = function (u) {
    u = normUnit(u);
    var days, months, ms = this._milliseconds;
    if (u === 'month' || u === 'quarter' || u === 'year') {
      days = this._days + ms / 864e5; months = this._months + daysToMonths(days);
      return u === 'month' ? months : u === 'quarter' ? months / 3 : months / 12;
    }
    days = this._days + Math.round(monthsToDays(this._months));
    switch (u) {
      case 'week': return days / 7 + ms / 6048e5;
      case 'day': return days + ms / 864e5;
      case 'hour': return days * 24 + ms / 36e5;
      case 'minute': return days * 1440 + ms / 6e4;
      case 'second': return days * 86400 + ms / 1000;
      case 'millisecond': return Math.floor(days * 864e5) + ms;
    }
    throw new Error('Unknown unit ' + u);
  };
  ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'weeks', 'months', 'quarters', 'years'].forEach(function (n) {
    var cap = n.charAt(0).toUpperCase() + n.slice(1);
    dproto['as' + cap] = function () { return this.as(n); };
  });
  ['milliseconds', 'seconds', 'minutes', 'hours', 'days', 'months', 'years'].forEach(function (n) {
    dproto[n] = function () { return this._data[n]; };
  });
  dproto.weeks = function () { return absFloor(this._data.days / 7); };
  dproto.get = function (u) { u = normUnit(u); return this[u + 's'] ? this[u + 's']() : NaN; };
  dproto.valueOf = function () { return this.asMilliseconds(); };
  dproto.isValid = function () { return this._isValid; };
  dproto.clone = function () { return createDuration(this); };
  dproto.abs = function () {
    var d = this.clone(); d._milliseconds = Math.abs(d._milliseconds); d._days = Math.abs(d._days); d._months = Math.abs(d._months); bubble(d); return d;
  };
  function addSubDur(d, a, b, sign) {
    var o = createDuration(a, b);
    d._milliseconds += sign * o._milliseconds; d._days += sign * o._days; d._months += sign * o._months; bubble(d); return d;
  }
  dproto.add = function (a, b) { return addSubDur(this, a, b, 1); };
  dproto.subtract = function (a, b) { return addSubDur(this, a, b, -1); };
  dproto.locale = function (l) { return l === undefined ? 'en' : this; };
  dproto.localeData = function () { return localeData; };
  function relTime(key, n, withoutSuffix, isFuture) {
    var r = REL[key];
    return typeof r === 'function' ? r(n, withoutSuffix, key, isFuture) : r.replace(/%d/i, n);
  }
  dproto.humanize = function (withSuffix, th) {
    if (typeof withSuffix === 'object') { th = withSuffix; withSuffix = false; }
    var t = {}; Object.keys(thresholds).forEach(function (k) { t[k] = thresholds[k]; });
    if (th) { Object.keys(th).forEach(function (k) { t[k] = th[k]; }); if (th.s != null && th.ss == null) { t.ss = th.s - 1; } }
    var dur = this.abs(), round = Math.round;
    var seconds = round(dur.as('s')), minutes = round(dur.as('m')), hours = round(dur.as('h')), days = round(dur.as('d')),
      months = round(dur.as('M')), weeks = round(dur.as('w')), years = round(dur.as('y'));
    var a = (seconds <= t.ss && ['s', seconds]) || (seconds < t.s && ['ss', seconds]) || (minutes <= 1 && ['m']) ||
      (minutes < t.m && ['mm', minutes]) || (hours <= 1 && ['h']) || (hours < t.h && ['hh', hours]) ||
      (days <= 1 && ['d']) || (days < t.d && ['dd', days]);
    if (t.w != null) { a = a || (weeks <= 1 && ['w']) || (weeks < t.w && ['ww', weeks]); }
    a = a || (months <= 1 && ['M']) || (months < t.M && ['MM', months]) || (years <= 1 && ['y']) || ['yy', years];
    var future = this.valueOf() > 0;
    var out = relTime(a[0], a[1], !withSuffix, future);
    if (withSuffix) {
      var fmt = future ? REL.future : REL.past;
      out = typeof fmt === 'function' ? fmt(out) : fmt.replace(/%s/i, out);
    }
    return out;
  };
  dproto.toISOString = function () {
    var s = Math.abs(this._milliseconds) / 1000, D = Math.abs(this._days), M = Math.abs(this._months);
    var total = this.asSeconds();
    if (!total) { return 'P0D'; }
    var mins = absFloor(s / 60), h = absFloor(mins / 60); s %= 60; mins %= 60;
    var Y = absFloor(M / 12); M %= 12;
    var sx = s ? s.toFixed(3).replace(/\.?0+$/, '') : '';
    var sign = total < 0 ? '-' : '';
    var ym = function (v) { return v && (Math.sign(v) !== Math.sign(total)) ? '-' : ''; };
    return sign + 'P' + (Y ? ym(this._months) + Y + 'Y' : '') + (M ? ym(this._months) + M + 'M' : '') + (D ? ym(this._days) + D + 'D' : '') +
      ((h || mins || s) ? 'T' : '') + (h ? ym(this._milliseconds) + h + 'H' : '') + (mins ? ym(this._milliseconds) + mins + 'M' : '') + (s ? ym(this._milliseconds) + sx + 'S' : '');
  };
  dproto.toJSON = dproto.toString = dproto.toIsoString = dproto.toISOString;
  dproto.lang = dproto.locale;
  var aspRe = /^(-|\+)?(?:(\d*)[. ])?(\d+):(\d+)(?::(\d+)(\.\d*)?)?$/;
  var isoDurRe = /^(-|\+)?P(?:([-+]?[0-9,.]*)Y)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)W)?(?:([-+]?[0-9,.]*)D)?(?:T(?:([-+]?[0-9,.]*)H)?(?:([-+]?[0-9,.]*)M)?(?:([-+]?[0-9,.]*)S)?)?$/;
  function createDuration(input, key) {
    var o = {}, m;
    if (input instanceof Duration) { return new Duration({ milliseconds: input._milliseconds, days: input._days, months: input._months }); }
    if (typeof input === 'number' || (typeof input === 'string' && input !== '' && !isNaN(+input))) {
      var u = normUnit(key) || 'millisecond';
      o[u + 's'] = +input;
      if (u === 'date') { o.days = +input; }
      return new Duration(o);
    }
    if (typeof input === 'string' && (m = aspRe.exec(input))) {
      var sg = m[1] === '-' ? -1 : 1;
      return new Duration({ days: toInt(m[2]) * sg, hours: toInt(m[3]) * sg, minutes: toInt(m[4]) * sg, seconds: toInt(m[5]) * sg, milliseconds: toInt(Math.round((m[6] ? +('0' + m[6]) : 0) * 1000)) * sg });
    }
    if (typeof input === 'string' && (m = isoDurRe.exec(input))) {
      var sgn = m[1] === '-' ? -1 : 1, f = function (x) { var r = x && parseFloat(x.replace(',', '.')); return (isNaN(r) ? 0 : r) * sgn; };
      return new Duration({ years: f(m[2]), months: f(m[3]), weeks: f(m[4]), days: f(m[5]), hours: f(m[6]), minutes: f(m[7]), seconds: f(m[8]) });
    }
    if (input == null) { return new Duration({}); }
    if (typeof input === 'object' && ('from' in input || 'to' in input)) {
      var base = toMoment(input.from), other = toMoment(input.to);
      if (!(base._isValid && other._isValid)) { return new Duration({}); }
      other = other.clone(); if (base._isUTC) { other.utcOffset(base._offset); } else { other.local(); }
      var res;
      if (base.isBefore(other)) { res = posDiff(base, other); } else { res = posDiff(other, base); res.milliseconds = -res.milliseconds; res.months = -res.months; }
      return new Duration(res);
    }
    if (typeof input === 'object') {
      Object.keys(input).forEach(function (k) { var n = normUnit(k); if (n) { o[n === 'date' ? 'days' : n + 's'] = +input[k]; } });
      return new Duration(o);
    }
    var bad = new Duration({}); bad._isValid = false; return bad;
  }
  function posDiff(base, other) {
    var res = { milliseconds: 0, months: 0 };
    res.months = other.month() - base.month() + (other.year() - base.year()) * 12;
    if (base.clone().add(res.months, 'M').isAfter(other)) { --res.months; }
    res.milliseconds = +other - +base.clone().add(res.months, 'M');
    return res;
  }
  moment.duration = createDuration;
  moment.isDuration = function (x) { return x instanceof Duration; };
  return moment;
})()
