// postie's csv-parse (1.x sync API, as Postman ships csv-parse/lib/sync)
// with csv-parse 4 option names accepted as aliases. Independent implementation.
// The script evaluates to makeParse(v4): v4 true honours csv-parse 4's cast.
(function () {
  'use strict';
  return function makeParse(v4) {
  var isInt = /^(\-|\+)?([1-9]+[0-9]*)$/;
  function isFloat(v) { return (v - parseFloat(v) + 1) >= 0; }
  function pick(o, names, def) { for (var i = 0; i < names.length; i++) { if (o[names[i]] != null) { return o[names[i]]; } } return def; }
  function parse(input, options) {
    var o = options || {};
    var delimiter = String(pick(o, ['delimiter'], ','));
    var quote = o.quote !== undefined && !o.quote ? '' : String(pick(o, ['quote'], '"'));
    var escape = String(pick(o, ['escape'], '"'));
    var comment = String(pick(o, ['comment'], '') || '');
    var rowDelims = pick(o, ['rowDelimiter', 'record_delimiter', 'row_delimiter'], null);
    if (typeof rowDelims === 'string') { rowDelims = [rowDelims]; }
    if (Array.isArray(rowDelims) && !rowDelims.length) { rowDelims = null; }
    var columns = pick(o, ['columns'], null);
    var objname = o.objname || null;
    var ltrim = !!(o.trim || o.ltrim), rtrim = !!(o.trim || o.rtrim);
    var relax = !!(o.relax || o.relax_quotes);
    var relaxCount = !!o.relax_column_count;
    var skipEmpty = !!o.skip_empty_lines;
    var skipEmptyValues = !!(o.skip_lines_with_empty_values || o.skip_records_with_empty_values);
    var from = o.from != null ? o.from : 1, to = o.to != null ? o.to : Infinity;
    var fromLine = o.from_line != null ? o.from_line : 1, toLine = o.to_line != null ? o.to_line : Infinity;
    var castFn = v4 && typeof o.cast === 'function' ? o.cast : null;
    var autoParse = !!(o.auto_parse || (v4 && o.cast === true)), autoParseDate = !!(o.auto_parse_date || o.cast_date);
    var s;
    if (typeof Buffer !== 'undefined' && Buffer.isBuffer && Buffer.isBuffer(input)) { s = input.toString('utf8'); } else { s = input == null ? '' : String(input); }
    var records = objname ? {} : [];
    var field = null, line = [], quoting = false, closingQuote = false, commenting = false;
    var lines = 0, count = 0, lineLength = 0, wasQuoted = false;
    function cast(v) {
      if (castFn) { return castFn(v, { column: columns && columns !== true && typeof columns !== 'function' ? columns[line.length] : line.length, index: line.length, lines: lines, quoting: wasQuoted, header: columns === true, count: count }); }
      if (!autoParse) { return v; }
      if (isInt.test(v)) { return parseInt(v); }
      if (isFloat(v)) { return parseFloat(v); }
      if (autoParseDate) { var m = Date.parse(v); if (!isNaN(m)) { return new Date(m); } }
      return v;
    }
    function pushLine(ln) {
      if (lines < fromLine || lines > toLine) { return; }
      if (skipEmptyValues && ln.join('').trim() === '') { return; }
      if (columns === true) { columns = ln; return; }
      if (typeof columns === 'function') { columns = columns(ln); return; }
      if (!lineLength && ln.length > 0) { lineLength = columns ? columns.length : ln.length; }
      if (ln.length === 1 && ln[0] === '' && !v4) {
        // an empty line: not counted, still emitted once records started
      } else if (ln.length !== lineLength) {
        if (relaxCount) { count++; } else if (v4) {
          throw new Error('Invalid Record Length: ' + (columns != null ? 'columns length is ' + lineLength : 'expect ' + lineLength) + ', got ' + ln.length + ' on line ' + lines);
        } else if (columns != null) {
          throw new Error('Number of columns on line ' + lines + ' does not match header');
        } else {
          throw new Error('Number of columns is inconsistent on line ' + lines);
        }
      } else { count++; }
      var row;
      if (columns != null) {
        row = {};
        for (var i = 0; i < ln.length; i++) {
          if (columns[i] === false) { continue; }
          row[columns[i]] = ln[i];
        }
      } else { row = ln; }
      if (count < from || count > to) { return; }
      if (objname) { records[row[objname]] = row; } else { records.push(row); }
    }
    var l = s.length, i = 0;
    if (s.charCodeAt(0) === 0xFEFF) { i = 1; }
    var endField = function () {
      if (rtrim && !closingQuote && field != null) { field = field.replace(/\s+$/, ''); }
      line.push(cast(field || ''));
      closingQuote = false; wasQuoted = false; field = null;
    };
    while (i < l) {
      var c = s.charAt(i), next = i + 1 < l ? s.charAt(i + 1) : '';
      if (!rowDelims) {
        var rd = null, after = i;
        if (!quoting && (c === '\n' || c === '\r')) { rd = c; after = i + 1; } else if (quoting && c === quote && (next === '\n' || next === '\r')) { rd = next; after = i + 2; }
        if (rd) { if (rd === '\r' && s.charAt(after) === '\n') { rd += '\n'; } rowDelims = [rd]; }
      }
      if (!commenting && c === escape && !(escape === quote && field == null && !quoting) && (next === escape || next === quote)) {
        field = (field || '') + next; i += 2; continue;
      }
      if (!commenting && quote && c === quote) {
        if (quoting) {
          var nextRow = rowDelims && rowDelims.some(function (r) { return s.substr(i + 1, r.length) === r; });
          var nextDelim = s.substr(i + 1, delimiter.length) === delimiter;
          var nextComment = next === comment;
          if (next && !nextRow && !nextDelim && !nextComment) {
            if (relax) { quoting = false; if (field) { field = quote + field; } } else {
              throw new Error('Invalid closing quote at line ' + (lines + 1) + '; found ' + JSON.stringify(next) + ' instead of delimiter ' + JSON.stringify(delimiter));
            }
          } else {
            quoting = false; closingQuote = true; i++;
            if (i === l) { line.push(cast(field || '')); field = null; }
            continue;
          }
        } else if (!field) {
          quoting = true; wasQuoted = true; i++; continue;
        } else if (field != null && !relax) {
          throw new Error('Invalid opening quote at line ' + (lines + 1));
        }
      }
      var rowLen = 0;
      var isRow = !!rowDelims && rowDelims.some(function (r) { if (s.substr(i, r.length) === r) { rowLen = r.length; return true; } return false; });
      if (isRow || i === l - 1) { lines++; }
      var wasCommenting = false;
      if (!commenting && !quoting && comment && s.substr(i, comment.length) === comment) { commenting = true; } else if (commenting && isRow) { wasCommenting = true; commenting = false; }
      var isDelim = s.substr(i, delimiter.length) === delimiter;
      if (!commenting && !quoting && (isDelim || isRow)) {
        if (isRow && line.length === 0 && field == null && (wasCommenting || skipEmpty)) { i += rowLen; continue; }
        endField();
        if (isDelim) {
          i += delimiter.length;
          if (i >= l) { isRow = true; line.push(''); }
        }
        if (isRow) { pushLine(line); line = []; i += rowLen; }
        continue;
      } else if (!commenting && !quoting && (c === ' ' || c === '\t')) {
        if (field == null) { field = ''; }
        if (!(ltrim && !field)) { field += c; }
        i++;
      } else if (!commenting) {
        field = (field || '') + c; i++;
      } else { i++; }
    }
    if (field != null) { endField(); }
    if (quoting) {
      throw new Error(v4 ? 'Quote Not Closed: the parsing is finished with an opening quote at line ' + Math.max(lines, 1) : 'Quoted field not terminated at line ' + (lines + 1));
    }
    if (line.length > 0) {
      // csv-parse 1.x's sync API loses errors raised while flushing the last record.
      try { pushLine(line); } catch (e) { if (v4) { throw e; } }
    }
    return records;
  }
  return parse;
  };
})()
