package html

// pageTemplate is the report page. It loads nothing from the network.
const pageTemplate = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="postie">
<title>{{.Title}} - postie report</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:0;color:#1d2330;background:#f5f6f8}
header{padding:16px 24px;color:#fff;background:#2e7d32}
header.failed{background:#c62828}
header h1{margin:0;font-size:1.4em}
main{padding:16px 24px}
section.block{background:#fff;border:1px solid #dde;border-radius:6px;padding:12px 16px;margin-bottom:16px}
table{border-collapse:collapse;font-size:.92em}
th,td{border-bottom:1px solid #e4e6eb;padding:4px 10px;text-align:left;vertical-align:top}
td.num{text-align:right}
pre{white-space:pre-wrap;word-break:break-all;background:#f7f7f9;border:1px solid #e4e6eb;padding:8px;max-height:30em;overflow:auto;font-size:.86em}
details.execution{background:#fff;border:1px solid #dde;border-left:6px solid #2e7d32;border-radius:4px;margin:6px 0;padding:6px 12px}
details.execution.failed{border-left-color:#c62828}
details.execution.skipped{border-left-color:#999}
summary{cursor:pointer}
.method{font-weight:bold}
.passed{color:#2e7d32}.failed-text,.failed .status-failed{color:#c62828}.skipped-text{color:#777}
iframe.visualizer{width:100%;height:420px;border:1px solid #ccd;background:#fff}
h3{font-size:1em;margin:12px 0 4px}
.console-warn{color:#8a6d00}.console-error{color:#c62828}
</style>
</head>
<body>
<header class="{{if .Failed}}failed{{else}}passed{{end}}" id="banner">
<h1>{{.Title}}</h1>
<div>{{if .Failed}}{{len .Failures}} failure(s){{else}}all passed{{end}} · started {{.Start}} · {{.Duration}}</div>
</header>
<main>
<section class="block" id="summary">
<h2>Summary</h2>
<table>
<thead><tr><th></th><th>executed</th><th>failed</th></tr></thead>
<tbody>
{{range .Stats}}<tr class="stat" data-stat="{{.Name}}"><td>{{.Name}}</td><td class="num">{{.Total}}</td><td class="num">{{.Failed}}</td></tr>
{{end}}</tbody>
</table>
<p>Run: {{.Start}} to {{.End}} ({{.Duration}}). Response time: {{.Timing}}. Data received: {{.Received}} (approx).</p>
</section>
<section class="block" id="failures">
<h2>Failures</h2>
{{if .Failures}}<table>
<thead><tr><th>#</th><th>kind</th><th>source</th><th>at</th><th>message</th></tr></thead>
<tbody>
{{range .Failures}}<tr class="failure"><td>{{.N}}</td><td>{{.Kind}}</td><td>{{if .Exec}}<a href="#exec-{{.Exec}}">{{.Source}}</a>{{else}}{{.Source}}{{end}}</td><td>{{.At}}</td><td>{{if .Test}}{{.Test}}: {{end}}{{.Message}}</td></tr>
{{end}}</tbody>
</table>{{else}}<p>No failures.</p>{{end}}
</section>
<section class="block" id="executions">
<h2>Requests</h2>
{{range .Executions}}<details class="execution{{if .Failed}} failed{{end}}{{if .Skipped}} skipped{{end}}" id="exec-{{.N}}" data-iteration="{{.Iteration}}"{{if .Failed}} open{{end}}>
<summary><span class="method">{{.Method}}</span> {{.Path}} <small>(iteration {{.Iteration}})</small> ·
{{if .HasResponse}}<span class="code">{{.Code}} {{.Status}}</span> · {{.Time}} · {{.Size}}{{else if .Skipped}}skipped{{else}}no response{{end}}
{{if .Tests}} · <span class="passed">{{.PassedN}} passed</span>{{if .FailedN}}, <span class="failed-text">{{.FailedN}} failed</span>{{end}}{{end}}</summary>
<p class="url"><code>{{.URL}}</code></p>
{{if .RequestError}}<p class="request-error failed-text">Request error: {{.RequestError}}</p>{{end}}
{{range .ScriptErrors}}<p class="script-error failed-text">Script error: {{.}}</p>{{end}}
<div class="request">
<h3>Request headers</h3>
<table class="request-headers">{{range .RequestHeaders}}<tr><th>{{.Key}}</th><td>{{.Value}}</td></tr>{{end}}</table>
{{if .RequestBody}}<h3>Request body</h3><pre class="request-body">{{.RequestBody}}</pre>{{end}}
</div>
{{if .HasResponse}}<div class="response">
<h3>Response headers</h3>
<table class="response-headers">{{range .ResponseHeaders}}<tr><th>{{.Key}}</th><td>{{.Value}}</td></tr>{{end}}</table>
<h3>Response body</h3><pre class="response-body">{{.ResponseBody}}</pre>
</div>{{end}}
{{if .Tests}}<div class="tests">
<h3>Tests</h3>
<ul>{{range .Tests}}<li class="test test-{{.Status}}"><span class="{{if eq .Status "failed"}}failed-text{{else if eq .Status "skipped"}}skipped-text{{else}}passed{{end}}">{{if eq .Status "failed"}}✗{{else if eq .Status "skipped"}}–{{else}}✓{{end}}</span> {{.Name}}{{if .Error}}: <span class="failed-text">{{.Error}}</span>{{end}}</li>{{end}}</ul>
</div>{{end}}
{{if .Console}}<div class="console">
<h3>Console</h3>
<pre>{{range .Console}}<span class="console-{{.Key}}">{{.Value}}</span>
{{end}}</pre>
</div>{{end}}
{{if .Visualizer}}<div class="visualizer">
<h3>Visualizer</h3>
<iframe class="visualizer" title="Visualizer: {{.Path}}" sandbox="allow-scripts" srcdoc="{{.Visualizer}}"></iframe>
</div>{{else if .VisualizerErr}}<p class="visualizer-error failed-text">Visualizer: {{.VisualizerErr}}</p>{{end}}
</details>
{{end}}</section>
</main>
</body>
</html>
`
