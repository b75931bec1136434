package main

import (
	"bytes"
	"context"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/postie-run/postie/environments"
)

func TestParseRunArgs(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		check   func(c *runConfig) bool
		wantErr string
	}{
		{"defaults", []string{"c.json"}, func(c *runConfig) bool {
			return c.Collection == "c.json" && c.Color == "auto" && reflect.DeepEqual(c.Reporters, []string{"cli"}) && c.Bail == nil && c.Iterations == 0
		}, ""},
		{"short flags", []string{"-e", "env.json", "-g", "g.json", "-d", "data.csv", "-n", "3", "-k", "-x", "-r", "cli,json,junit", "c.json"}, func(c *runConfig) bool {
			return c.Environment == "env.json" && c.Globals == "g.json" && c.IterationData == "data.csv" && c.Iterations == 3 &&
				c.Insecure && c.SuppressExitCode && reflect.DeepEqual(c.Reporters, []string{"cli", "json", "junit"})
		}, ""},
		{"repeatable", []string{"c.json", "--env-var", "a=1", "--env-var", "b=x=y,z", "--global-var", "g=2", "--folder", "F1", "--folder", "F 2"}, func(c *runConfig) bool {
			return reflect.DeepEqual(c.EnvVars, []string{"a=1", "b=x=y,z"}) && reflect.DeepEqual(c.GlobalVars, []string{"g=2"}) &&
				reflect.DeepEqual(c.Folders, []string{"F1", "F 2"})
		}, ""},
		{"bail plain", []string{"c.json", "--bail"}, func(c *runConfig) bool { return c.Bail != nil && len(c.Bail) == 0 }, ""},
		{"bail modifiers as next word", []string{"--bail", "folder,failure", "c.json"}, func(c *runConfig) bool {
			return reflect.DeepEqual(c.Bail, []string{"folder", "failure"}) && c.Collection == "c.json"
		}, ""},
		{"bail with =", []string{"c.json", "--bail=failure"}, func(c *runConfig) bool { return reflect.DeepEqual(c.Bail, []string{"failure"}) }, ""},
		{"bail then collection", []string{"--bail", "c.json"}, func(c *runConfig) bool { return c.Collection == "c.json" && len(c.Bail) == 0 && c.Bail != nil }, ""},
		{"timeouts", []string{"c.json", "--timeout", "1000", "--timeout-request", "200", "--timeout-script", "50", "--delay-request", "5"}, func(c *runConfig) bool {
			return c.Timeout == 1000 && c.TimeoutRequest == 200 && c.TimeoutScript == 50 && c.DelayRequest == 5
		}, ""},
		{"no-color", []string{"c.json", "--no-color"}, func(c *runConfig) bool { return c.Color == "off" }, ""},
		{"color on", []string{"c.json", "--color", "on"}, func(c *runConfig) bool { return c.Color == "on" }, ""},
		{"reporter options", []string{"c.json", "--reporter-json-export", "out.json", "--reporter-junit-export", "out.xml",
			"--reporter-cli-no-summary", "--reporter-cli-no-failures", "--reporter-cli-no-assertions", "--reporter-cli-no-console", "--reporter-cli-show-timestamps"}, func(c *runConfig) bool {
			return c.JSONExport == "out.json" && c.JUnitExport == "out.xml" && c.CLI.NoSummary && c.CLI.NoFailures && c.CLI.NoAssertions && c.CLI.NoConsole && c.CLI.ShowTimestamps
		}, ""},
		{"exports and tls", []string{"c.json", "--export-environment", "e.json", "--export-globals", "g.json", "--export-collection", "c2.json",
			"--cookie-jar", "in.json", "--export-cookie-jar", "out.json", "--ssl-client-cert", "c.pem", "--ssl-client-key", "k.pem",
			"--ssl-client-passphrase", "pw", "--ssl-client-cert-list", "l.json", "--ssl-extra-ca-certs", "ca.pem", "--ignore-redirects",
			"--working-dir", "/tmp", "--npm-cache", "/tmp/npm", "--silent", "--verbose", "--disable-unicode"}, func(c *runConfig) bool {
			return c.ExportEnvironment == "e.json" && c.ExportGlobals == "g.json" && c.ExportCollection == "c2.json" && c.CookieJar == "in.json" &&
				c.ExportCookieJar == "out.json" && c.SSLClientCert == "c.pem" && c.SSLClientKey == "k.pem" && c.SSLPassphrase == "pw" &&
				c.SSLCertList == "l.json" && c.SSLExtraCA == "ca.pem" && c.IgnoreRedirects && c.WorkingDir == "/tmp" && c.NpmCache == "/tmp/npm" &&
				c.Silent && c.Verbose && c.DisableUnicode
		}, ""},
		{"help", []string{"--help"}, func(c *runConfig) bool { return c.Help }, ""},
		{"missing collection", []string{"-e", "x.json"}, nil, "missing collection"},
		{"two collections", []string{"a.json", "b.json"}, nil, "expected one collection"},
		{"unknown flag", []string{"c.json", "--frobnicate"}, nil, "unknown flag: --frobnicate"},
		{"bad bail", []string{"c.json", "--bail=everything"}, nil, `invalid --bail modifier "everything"`},
		{"bad color", []string{"c.json", "--color", "purple"}, nil, `invalid --color "purple"`},
		{"unknown reporter warns", []string{"c.json", "-r", "cli,htmlextra", "--reporter-htmlextra-export", "out.html", "--reporter-json-omitRequestBodies"}, func(c *runConfig) bool {
			return reflect.DeepEqual(c.Reporters, []string{"cli"}) && c.Collection == "c.json" && len(c.Warnings) == 3
		}, ""},
		{"unknown reporter option before collection", []string{"--reporter-x-flag", "c.json"}, func(c *runConfig) bool {
			return c.Collection == "c.json" && len(c.Warnings) == 1
		}, ""},
		{"bad env var", []string{"c.json", "--env-var", "novalue"}, nil, `invalid variable "novalue"`},
		{"negative count", []string{"c.json", "-n", "-1"}, nil, "--iteration-count must not be negative"},
		{"non-numeric timeout", []string{"c.json", "--timeout", "soon"}, nil, "invalid argument"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, _, err := parseRunArgs(tc.args)
			if tc.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
					t.Fatalf("error = %v, want one containing %q", err, tc.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatalf("unexpected error: %v", err)
			}
			if !tc.check(c) {
				t.Errorf("config not as expected: %+v", c)
			}
		})
	}
}

func TestReportPath(t *testing.T) {
	dir := t.TempDir()
	ts := time.Date(2026, 11, 25, 12, 40, 15, 139_000_000, time.UTC)
	tests := []struct{ path, want string }{
		{"", filepath.Join("newman", "newman-run-report-2026-11-25-12-40-15-139-0.json")},
		{"out/r.json", "out/r.json"},
		{dir, filepath.Join(dir, "newman-run-report-2026-11-25-12-40-15-139-0.json")},
		{"reports/", filepath.Join("reports", "newman-run-report-2026-11-25-12-40-15-139-0.json")},
	}
	for _, tc := range tests {
		if got := reportPath(tc.path, "newman-run-report.json", ts); got != tc.want {
			t.Errorf("reportPath(%q) = %q, want %q", tc.path, got, tc.want)
		}
	}
}

func TestDispatch(t *testing.T) {
	tests := []struct {
		args    []string
		code    int
		out, er string
	}{
		{[]string{"version"}, 0, Version, ""},
		{[]string{"--version"}, 0, Version, ""},
		{[]string{"help"}, 0, "Commands:", ""},
		{[]string{"--help"}, 0, "run ", ""},
		{[]string{"help", "run"}, 0, "--iteration-count", ""},
		{[]string{"run", "--help"}, 0, "Exit codes", ""},
		{[]string{}, 2, "", "Usage"},
		{[]string{"frob"}, 2, "", `unknown command "frob"`},
		{[]string{"run"}, 2, "", "postie: error: missing collection"},
	}
	for _, tc := range tests {
		var out, er bytes.Buffer
		code := dispatch(context.Background(), tc.args, stdio{In: strings.NewReader(""), Out: &out, Err: &er})
		if code != tc.code || !strings.Contains(out.String(), tc.out) || !strings.Contains(er.String(), tc.er) {
			t.Errorf("postie %v: code %d, out %q, err %q; want %d, %q, %q", tc.args, code, out.String(), er.String(), tc.code, tc.out, tc.er)
		}
	}
}

// write writes content to name in dir and returns the path.
func write(t testing.TB, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// collectionJSON builds a v2.1 collection of GET requests to base+path,
// each with the given test script lines.
func collectionJSON(name string, items ...[2]string) string {
	var parts []string
	for i, it := range items {
		ev := ""
		if it[1] != "" {
			b, _ := json.Marshal([]string{it[1]})
			ev = fmt.Sprintf(`,"event":[{"listen":"test","script":{"type":"text/javascript","exec":%s}}]`, b)
		}
		parts = append(parts, fmt.Sprintf(`{"name":"req %d","request":{"method":"GET","url":"{{base}}%s"}%s}`, i+1, it[0], ev))
	}
	return fmt.Sprintf(`{"info":{"name":%q,"schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[%s]}`,
		name, strings.Join(parts, ","))
}

func newServer(t testing.TB) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.URL.Path == "/missing" {
			w.WriteHeader(http.StatusNotFound)
		}
		fmt.Fprintf(w, `{"path":%q}`, r.URL.Path)
	}))
	t.Cleanup(srv.Close)
	return srv
}

// closedPort returns a loopback address nothing listens on.
func closedPort(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	return addr
}

func runPostie(t *testing.T, ctx context.Context, args ...string) (int, string, string) {
	t.Helper()
	var out, er bytes.Buffer
	code := dispatch(ctx, append([]string{"run"}, args...), stdio{In: strings.NewReader(""), Out: &out, Err: &er})
	return code, out.String(), er.String()
}

func TestRunInputErrors(t *testing.T) {
	dir := t.TempDir()
	good := write(t, dir, "good.json", collectionJSON("Good", [2]string{"/a", ""}))
	badJSON := write(t, dir, "bad.json", "{\n  \"info\": {\"name\": \"x\",\n  \"item\": [}\n")
	badEnv := write(t, dir, "badenv.json", "{\"values\": [1,]}")
	tests := []struct {
		name string
		args []string
		want []string // substrings of stderr
	}{
		{"missing collection file", []string{filepath.Join(dir, "nope.json")}, []string{"postie: error:", "nope.json"}},
		{"bad collection JSON", []string{badJSON}, []string{"postie: error:", "bad.json", "line 3"}},
		{"missing environment", []string{good, "-e", filepath.Join(dir, "noenv.json")}, []string{"postie: error:", "noenv.json"}},
		{"bad environment JSON", []string{good, "-e", badEnv}, []string{"postie: error:", "badenv.json", "line 1"}},
		{"missing data file", []string{good, "-d", filepath.Join(dir, "nodata.csv")}, []string{"postie: error:", "nodata.csv"}},
		{"bad flag", []string{good, "--no-such-flag"}, []string{"postie: error:", "no-such-flag"}},
		{"unknown folder", []string{good, "--folder", "Nope"}, []string{"postie: error:", `"Nope"`}},
		{"missing cookie jar", []string{good, "--cookie-jar", filepath.Join(dir, "nojar.json")}, []string{"postie: error:", "nojar.json"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, _, stderr := runPostie(t, context.Background(), tc.args...)
			if code != exitUsage {
				t.Errorf("exit code %d, want %d; stderr: %s", code, exitUsage, stderr)
			}
			for _, w := range tc.want {
				if !strings.Contains(stderr, w) {
					t.Errorf("stderr %q lacks %q", stderr, w)
				}
			}
		})
	}
}

func TestRunExitCodesAndReports(t *testing.T) {
	srv := newServer(t)
	dir := t.TempDir()
	pass := write(t, dir, "pass.json", collectionJSON("Pass",
		[2]string{"/a", `pm.test("ok", function () { pm.response.to.have.status(200); }); pm.environment.set("seen", pm.response.json().path);`}))
	fail := write(t, dir, "fail.json", collectionJSON("Fail",
		[2]string{"/a", `pm.test("ok", function () { pm.response.to.have.status(200); });`},
		[2]string{"/missing", `pm.test("found", function () { pm.response.to.have.status(200); });`}))
	scriptErr := write(t, dir, "scripterr.json", collectionJSON("Script error", [2]string{"/a", `undefinedFunction();`}))
	noScripts := write(t, dir, "noscripts.json", collectionJSON("No scripts", [2]string{"/a", ""}, [2]string{"/b", ""}))
	refused := write(t, dir, "refused.json", strings.ReplaceAll(collectionJSON("Refused", [2]string{"/a", ""}), "{{base}}", "http://"+closedPort(t)))
	base := "base=" + srv.URL

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
	}{
		{"no scripts pass", []string{noScripts, "--env-var", base}, 0, []string{"No scripts", "→ req 1", "GET " + srv.URL + "/a [200 OK"}},
		{"tests pass", []string{pass, "--env-var", base}, 0, []string{"✓  ok", `re:assertions │ +1 │ +0 │`}},
		{"test fails", []string{fail, "--env-var", base}, 1, []string{"1. found", "AssertionError", `inside "req 2"`}},
		{"suppress exit code", []string{fail, "--env-var", base, "-x"}, 0, []string{"1. found"}},
		{"script error", []string{scriptErr, "--env-var", base}, 1, []string{"ReferenceError in test-script"}},
		{"request error", []string{refused}, 1, []string{"[errored]"}},
		{"silent", []string{fail, "--env-var", base, "--silent"}, 1, nil},
		{"ascii", []string{noScripts, "--env-var", base, "--disable-unicode"}, 0, []string{"Root req 1", `re:\|              iterations \| +1 \| +0 \|`}},
		{"iterations", []string{noScripts, "--env-var", base, "-n", "2"}, 0, []string{"Iteration 2/2", `re:iterations │ +2 │ +0 │`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runPostie(t, context.Background(), tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			if tc.stdout == nil && stdout != "" {
				t.Errorf("expected no output, got:\n%s", stdout)
			}
			for _, w := range tc.stdout {
				if re, ok := strings.CutPrefix(w, "re:"); ok {
					if !regexp.MustCompile(re).MatchString(stdout) {
						t.Errorf("stdout does not match %q:\n%s", re, stdout)
					}
					continue
				}
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
		})
	}

	t.Run("reports and exports", func(t *testing.T) {
		out := t.TempDir()
		jsonPath, xmlPath := filepath.Join(out, "r.json"), filepath.Join(out, "r.xml")
		envOut, globOut, collOut := filepath.Join(out, "env.json"), filepath.Join(out, "glob.json"), filepath.Join(out, "coll.json")
		code, stdout, stderr := runPostie(t, context.Background(), pass, "--env-var", base, "--global-var", "g=1",
			"-r", "cli,json,junit", "--reporter-json-export", jsonPath, "--reporter-junit-export", xmlPath,
			"--export-environment", envOut, "--export-globals", globOut, "--export-collection", collOut)
		if code != 0 {
			t.Fatalf("exit %d\n%s\n%s", code, stdout, stderr)
		}
		env, err := environments.LoadFile(envOut)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := env.Values.Get("seen"); v != "/a" {
			t.Errorf("exported environment seen = %v, want /a", v)
		}
		if v, _ := env.Values.Get("base"); v != srv.URL {
			t.Errorf("exported environment base = %v", v)
		}
		glob, err := environments.LoadFile(globOut)
		if err != nil {
			t.Fatal(err)
		}
		if v, _ := glob.Values.Get("g"); v != "1" {
			t.Errorf("exported globals g = %v", v)
		}
		// The exported collection runs again.
		if code, stdout, _ := runPostie(t, context.Background(), collOut, "--env-var", base); code != 0 {
			t.Errorf("re-running exported collection: exit %d\n%s", code, stdout)
		}
		var rep map[string]any
		data, err := os.ReadFile(jsonPath)
		if err != nil || json.Unmarshal(data, &rep) != nil {
			t.Fatalf("JSON report: %v", err)
		}
		run, _ := rep["run"].(map[string]any)
		if run == nil || run["executions"] == nil || run["stats"] == nil {
			t.Errorf("JSON report lacks run.executions/stats: %.300s", data)
		}
		xdata, err := os.ReadFile(xmlPath)
		if err != nil {
			t.Fatal(err)
		}
		var suites struct {
			Suites []struct {
				Name string `xml:"name,attr"`
			} `xml:"testsuite"`
		}
		if err := xml.Unmarshal(xdata, &suites); err != nil || len(suites.Suites) != 1 || suites.Suites[0].Name != "req 1" {
			t.Errorf("JUnit report: %v %+v", err, suites)
		}
	})

	t.Run("default report path", func(t *testing.T) {
		wd, _ := os.Getwd()
		tmp := t.TempDir()
		if err := os.Chdir(tmp); err != nil {
			t.Fatal(err)
		}
		defer os.Chdir(wd)
		code, _, stderr := runPostie(t, context.Background(), noScripts, "--env-var", base, "-r", "json")
		if code != 0 {
			t.Fatalf("exit %d: %s", code, stderr)
		}
		matches, _ := filepath.Glob(filepath.Join(tmp, "newman", "newman-run-report-*-0.json"))
		if len(matches) != 1 {
			t.Errorf("default report files: %v", matches)
		}
	})
}

func TestRunInterrupted(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	hit := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case hit <- struct{}{}:
		default:
		}
		select {
		case <-r.Context().Done():
		case <-time.After(300 * time.Millisecond): // the runner may finish the current request first
		}
	}))
	defer srv.Close()
	go func() {
		<-hit
		cancel()
	}()
	dir := t.TempDir()
	coll := write(t, dir, "slow.json", collectionJSON("Slow", [2]string{"/slow", ""}, [2]string{"/slow2", ""}))
	code, stdout, stderr := runPostie(t, ctx, coll, "--env-var", "base="+srv.URL)
	if code != exitInterrupted {
		t.Errorf("exit %d, want %d\n%s\n%s", code, exitInterrupted, stdout, stderr)
	}
}

func TestRunDataCookiesTimeouts(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/login":
			http.SetCookie(w, &http.Cookie{Name: "session", Value: "s1", Path: "/"})
		case "/me":
			if c, err := r.Cookie("session"); err != nil || c.Value != "s1" {
				w.WriteHeader(http.StatusUnauthorized)
			}
		case "/slow":
			select {
			case <-r.Context().Done():
			case <-time.After(2 * time.Second):
			}
		}
		fmt.Fprintf(w, `{"q":%q}`, r.URL.Query().Get("q"))
	}))
	defer srv.Close()
	dir := t.TempDir()
	base := "base=" + srv.URL
	data := write(t, dir, "data.csv", "q,want\nalpha,alpha\nbeta,beta\n")
	dataColl := write(t, dir, "data.json", collectionJSON("Data",
		[2]string{"/echo?q={{q}}", `pm.test("echo " + pm.iterationData.get("q"), function () { pm.expect(pm.response.json().q).to.eql(pm.iterationData.get("want")); });`}))
	login := write(t, dir, "login.json", collectionJSON("Login", [2]string{"/login", ""}))
	me := write(t, dir, "me.json", collectionJSON("Me", [2]string{"/me", `pm.test("authorised", function () { pm.response.to.have.status(200); });`}))
	slow := write(t, dir, "slow.json", collectionJSON("Slow", [2]string{"/slow", ""}))
	jar := filepath.Join(dir, "jar.json")

	tests := []struct {
		name   string
		args   []string
		code   int
		stdout []string
	}{
		{"iteration data", []string{dataColl, "--env-var", base, "-d", data}, 0, []string{"Iteration 2/2", "✓  echo alpha", "✓  echo beta"}},
		{"iteration count over data", []string{dataColl, "--env-var", base, "-d", data, "-n", "1"}, 0, []string{"✓  echo alpha"}},
		{"no cookie jar", []string{me, "--env-var", base}, 1, []string{"1. authorised"}},
		{"export cookie jar", []string{login, "--env-var", base, "--export-cookie-jar", jar}, 0, nil},
		{"import cookie jar", []string{me, "--env-var", base, "--cookie-jar", jar}, 0, []string{"✓  authorised"}},
		{"request timeout", []string{slow, "--env-var", base, "--timeout-request", "100"}, 1, []string{"[errored]"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			code, stdout, stderr := runPostie(t, context.Background(), tc.args...)
			if code != tc.code {
				t.Errorf("exit code %d, want %d\nstdout:\n%s\nstderr:\n%s", code, tc.code, stdout, stderr)
			}
			for _, w := range tc.stdout {
				if !strings.Contains(stdout, w) {
					t.Errorf("stdout lacks %q:\n%s", w, stdout)
				}
			}
		})
	}
}

func TestRunFromURL(t *testing.T) {
	api := newServer(t)
	coll := collectionJSON("Remote", [2]string{"/a", `pm.test("remote", function () { pm.response.to.have.status(200); });`})
	env := fmt.Sprintf(`{"name":"Remote env","values":[{"key":"base","value":%q,"enabled":true}]}`, api.URL)
	files := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/c.json":
			io.WriteString(w, coll)
		case "/e.json":
			io.WriteString(w, env)
		default:
			http.NotFound(w, r)
		}
	}))
	defer files.Close()
	tests := []struct {
		args []string
		code int
		want string
	}{
		{[]string{files.URL + "/c.json", "-e", files.URL + "/e.json"}, 0, "✓  remote"},
		{[]string{files.URL + "/missing.json"}, 2, "404"},
	}
	for _, tc := range tests {
		code, stdout, stderr := runPostie(t, context.Background(), tc.args...)
		if code != tc.code || !strings.Contains(stdout+stderr, tc.want) {
			t.Errorf("postie run %v: exit %d, want %d with %q\n%s%s", tc.args, code, tc.code, tc.want, stdout, stderr)
		}
	}
}
