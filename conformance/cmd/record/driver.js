// Runs one corpus case with newman's library API and prints what happened as
// JSON on stdout: executions in order (tests, console, script errors),
// final variables and whether the run failed. Written for postie's recorder.
'use strict';
const fs = require('fs');
const util = require('util');
const newman = require('newman');

const spec = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const out = { executions: [], failed: false };
let cur = null;
let lastCollectionVariables = null;
let inScript = false;

function pathOf(item) {
    const names = [];
    for (let p = item; p && typeof p.parent === 'function' && p.parent(); p = p.parent()) {
        names.unshift(p.name);
    }
    return names.join(' / ');
}

function toObject(scope) {
    const obj = {};
    if (!scope) { return obj; }
    const values = scope.values || scope.variables;
    values && values.each(function (v) {
        if (v.disabled) { return; }
        obj[v.key] = v.value;
    });
    return obj;
}

const options = Object.assign({ reporters: [] }, spec.options);
newman.run(options)
    .on('beforeItem', function (err, o) {
        cur = { item: pathOf(o.item), iteration: o.cursor.iteration, tests: [], console: [], scriptErrors: [] };
        out.executions.push(cur);
    })
    .on('beforeScript', function () { inScript = true; })
    .on('request', function (err, o) {
        // pm.sendRequest calls also come as request events, while a script runs.
        if (!cur || inScript) { return; }
        if (err) { cur.requestError = true; return; }
        cur.status = o.response && o.response.code;
    })
    .on('assertion', function (err, o) {
        cur && cur.tests.push({
            name: o.assertion,
            passed: !o.error && !o.skipped,
            skipped: !!o.skipped,
            error: o.error ? o.error.message : ''
        });
    })
    .on('console', function (err, o) {
        // As newman's cli reporter shows console calls without a terminal:
        // each argument through util.inspect with its options (break
        // length 60 - 16), joined by ', '.
        cur && cur.console.push(o.level + ': ' + o.messages.map(function (m) {
            return util.inspect(m, { depth: 25, maxArrayLength: 100, breakLength: 44 });
        }).join(', '));
    })
    .on('script', function (err, o) {
        inScript = false;
        // newman's summary keeps the collection's original variables; the
        // runtime's own scope, as scripts left it, comes with each script.
        if (o && o.execution && o.execution.collectionVariables) {
            lastCollectionVariables = o.execution.collectionVariables;
        }
        if (err && cur) { cur.scriptErrors.push(o.event.listen + ': ' + err.name + ': ' + err.message); }
    })
    .on('exception', function (err, o) {
        if (cur && o && o.error) { cur.scriptErrors.push('exception: ' + o.error.name + ': ' + o.error.message); }
    })
    .on('done', function (err, summary) {
        out.failed = Boolean(err) || summary.run.failures.length > 0 || Boolean(summary.run.error);
        out.environment = toObject(summary.environment);
        out.globals = toObject(summary.globals);
        out.collectionVariables = lastCollectionVariables ? toObject(lastCollectionVariables) : toObject(summary.collection);
        process.stdout.write(JSON.stringify(out));
    });
