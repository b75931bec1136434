package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestDiffCommandExitCodes(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	a := write("a.json", `{"values":[{"key":"host","value":"a"},{"key":"access_token","value":"tok-a"}]}`)
	a2 := write("a2.json", `{"values":[{"key":"host","value":"a"},{"key":"access_token","value":"tok-a"}]}`)
	b := write("b.json", `{"values":[{"key":"host","value":"b"},{"key":"access_token","value":"tok-b"}]}`)
	bad := write("bad.json", `{"values":[`)
	tests := []struct {
		name       string
		args       []string
		code       int
		out, notIn string
		errOut     string
	}{
		{"equal", []string{a, a2}, 0, "no differences", "", ""},
		{"different, masked", []string{a, b}, 1, "~ environment host: a -> b", "tok-a", ""},
		{"show secrets", []string{"--show-secrets", a, b}, 1, "tok-a -> tok-b", "", ""},
		{"ignored to equal", []string{"--ignore", "host", "--ignore", "*_token", a, b}, 0, "no differences", "", ""},
		{"json", []string{"--format", "json", a, b}, 1, `"equal": false`, "tok-b", ""},
		{"markdown", []string{"--format=markdown", a, b}, 1, "| ✏️ | environment | `host` |", "", ""},
		{"bad file", []string{a, bad}, 2, "", "", "bad.json"},
		{"missing file", []string{filepath.Join(dir, "nope.json"), a}, 2, "", "", "nope.json"},
		{"one argument", []string{a}, 2, "", "", "want two files"},
		{"bad format", []string{"--format", "yaml", a, b}, 2, "", "", "unknown --format"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var out, er bytes.Buffer
			code := dispatch(context.Background(), append([]string{"diff"}, tc.args...), stdio{In: strings.NewReader(""), Out: &out, Err: &er})
			if code != tc.code {
				t.Fatalf("exit %d, want %d; stdout %s stderr %s", code, tc.code, out.String(), er.String())
			}
			if !strings.Contains(out.String(), tc.out) || tc.notIn != "" && strings.Contains(out.String(), tc.notIn) {
				t.Errorf("stdout %q: want %q, not %q", out.String(), tc.out, tc.notIn)
			}
			if !strings.Contains(er.String(), tc.errOut) {
				t.Errorf("stderr %q, want %q", er.String(), tc.errOut)
			}
			if strings.Contains(out.String(), "\x1b[") {
				t.Error("colour when not on a terminal")
			}
		})
	}
}

func TestMergeReportsCommand(t *testing.T) {
	dir := t.TempDir()
	r := func(name, env string, failed int) string {
		p := filepath.Join(dir, name)
		os.WriteFile(p, []byte(`{"collection":{"info":{"name":"c"}},"environment":{"values":[{"key":"k","value":"`+env+`"}]},"globals":{"values":[]},"run":{"stats":{"requests":{"total":1,"pending":0,"failed":`+string(rune('0'+failed))+`}},"timings":{"started":10,"completed":20},"executions":[{"item":{"name":"`+name+`"},"response":{"responseTime":5}}],"transfers":{"responseTotal":3},"failures":[],"error":null}}`), 0o644)
		return p
	}
	a, b := r("a.json", "one", 0), r("b.json", "two", 1)
	out := filepath.Join(dir, "merged.json")
	var so, se bytes.Buffer
	if code := dispatch(context.Background(), []string{"merge-reports", "-o", out, a, b}, stdio{Out: &so, Err: &se}); code != 0 {
		t.Fatalf("exit %d: %s", code, se.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{`"total": 2`, `"failed": 1`, `"value": "two"`, `"responseTotal": 6`, `"name": "a.json"`, `"name": "b.json"`} {
		if !strings.Contains(string(data), want) {
			t.Errorf("merged report lacks %s:\n%s", want, data)
		}
	}
	x1 := filepath.Join(dir, "a.xml")
	x2 := filepath.Join(dir, "b.xml")
	os.WriteFile(x1, []byte(`<?xml version="1.0" encoding="UTF-8"?><testsuites name="C" tests="2" time="0.5"><testsuite name="A" tests="2"><testcase name="t1"/><testcase name="t2"/></testsuite></testsuites>`), 0o644)
	os.WriteFile(x2, []byte(`<?xml version="1.0" encoding="UTF-8"?><testsuites name="C" tests="1" time="0.25"><testsuite name="B &amp; co" tests="1"><testcase name="t3"><failure message="x"/></testcase></testsuite></testsuites>`), 0o644)
	so.Reset()
	if code := dispatch(context.Background(), []string{"merge-reports", "--junit", x1, x2}, stdio{Out: &so, Err: &se}); code != 0 {
		t.Fatalf("junit merge: exit %d: %s", code, se.String())
	}
	for _, want := range []string{`<testsuites name="C" tests="3" time="0.750">`, `<testsuite name="A" tests="2">`, `<testsuite name="B &amp; co" tests="1"><testcase name="t3"><failure message="x"/></testcase></testsuite>`} {
		if !strings.Contains(so.String(), want) {
			t.Errorf("merged JUnit lacks %s:\n%s", want, so.String())
		}
	}
	if code := dispatch(context.Background(), []string{"merge-reports", a, filepath.Join(dir, "none.json")}, stdio{Out: &so, Err: &se}); code != 2 || !strings.Contains(se.String(), "none.json") {
		t.Errorf("missing input: exit %d, %s", code, se.String())
	}
}
