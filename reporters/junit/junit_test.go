package junit

import (
	"bytes"
	"encoding/xml"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/postie-run/postie/reporters/internal/fixture"
)

var update = flag.Bool("update", false, "rewrite golden files in testdata")

// The JUnit schema subset Jenkins and GitLab read.
type xmlSuites struct {
	XMLName xml.Name   `xml:"testsuites"`
	Name    string     `xml:"name,attr"`
	Tests   int        `xml:"tests,attr"`
	Time    float64    `xml:"time,attr"`
	Suites  []xmlSuite `xml:"testsuite"`
}

type xmlSuite struct {
	Name      string    `xml:"name,attr"`
	ID        string    `xml:"id,attr"`
	Timestamp string    `xml:"timestamp,attr"`
	Tests     int       `xml:"tests,attr"`
	Failures  int       `xml:"failures,attr"`
	Errors    int       `xml:"errors,attr"`
	Time      float64   `xml:"time,attr"`
	SystemErr string    `xml:"system-err"`
	Cases     []xmlCase `xml:"testcase"`
}

type xmlCase struct {
	Name      string      `xml:"name,attr"`
	Classname string      `xml:"classname,attr"`
	Time      float64     `xml:"time,attr"`
	Failure   *xmlFailure `xml:"failure"`
}

type xmlFailure struct {
	Type    string `xml:"type,attr"`
	Message string `xml:"message,attr"`
	Text    string `xml:",chardata"`
}

func render(t *testing.T, iterations int) string {
	t.Helper()
	events, sum := fixture.Sample(iterations)
	var buf bytes.Buffer
	r := New(&buf)
	for _, e := range events {
		r.Event(e)
	}
	if err := r.Done(sum); err != nil {
		t.Fatal(err)
	}
	return buf.String()
}

func TestParsesBack(t *testing.T) {
	tests := []struct {
		iterations int
		suites     []xmlSuite // Name, Tests, Failures, Errors checked
	}{
		{1, []xmlSuite{
			{Name: "Users / Get user", Tests: 2},
			{Name: "Users / Missing user", Tests: 1, Failures: 1},
			{Name: "Create thing", Tests: 1, Failures: 1, Errors: 1},
			{Name: "Down", Errors: 1},
		}},
		{3, []xmlSuite{
			{Name: "Users / Get user", Tests: 2},
			{Name: "Users / Missing user", Tests: 1, Failures: 3},
			{Name: "Create thing", Tests: 1, Failures: 3, Errors: 3},
			{Name: "Down", Errors: 3},
		}},
	}
	for _, tc := range tests {
		var got xmlSuites
		out := render(t, tc.iterations)
		if err := xml.Unmarshal([]byte(out), &got); err != nil {
			t.Fatalf("%d iterations: report does not parse: %v\n%s", tc.iterations, err, out)
		}
		if got.Name != "Sample API" || got.Tests != 4*tc.iterations {
			t.Errorf("testsuites name=%q tests=%d", got.Name, got.Tests)
		}
		if len(got.Suites) != len(tc.suites) {
			t.Fatalf("%d suites, want %d", len(got.Suites), len(tc.suites))
		}
		for i, want := range tc.suites {
			s := got.Suites[i]
			if s.Name != want.Name || s.Tests != want.Tests || s.Failures != want.Failures || s.Errors != want.Errors {
				t.Errorf("%d iterations: suite %d = %q tests=%d failures=%d errors=%d, want %q %d %d %d", tc.iterations, i,
					s.Name, s.Tests, s.Failures, s.Errors, want.Name, want.Tests, want.Failures, want.Errors)
			}
			if s.Timestamp != "2026-11-25T12:40:14.949Z" {
				t.Errorf("suite %d timestamp %q", i, s.Timestamp)
			}
		}
		miss := got.Suites[1]
		if len(miss.Cases) != 1 || miss.Cases[0].Failure == nil {
			t.Fatalf("Missing user cases: %+v", miss.Cases)
		}
		f := miss.Cases[0].Failure
		if f.Type != "AssertionFailure" || f.Message != "expected response to have status code 200 but got 404" || miss.Cases[0].Classname != "UsersMissingUser" {
			t.Errorf("failure = %+v classname %q", f, miss.Cases[0].Classname)
		}
		if got.Suites[3].SystemErr == "" || got.Suites[2].SystemErr == "" {
			t.Errorf("errored suites lack system-err")
		}
	}
}

// TestGolden compares with testdata/sample.xml, which was checked line by
// line against newman 6.2.2's junit report for the same run (only the
// stack traces differ: postie has no JavaScript stack for assertions).
func TestGolden(t *testing.T) {
	got := render(t, 1)
	path := filepath.Join("testdata", "sample.xml")
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("run with -update: %v", err)
	}
	if got != string(want) {
		t.Errorf("report differs from %s:\n%s", path, got)
	}
}

func TestClassName(t *testing.T) {
	// Expected values from lodash upperFirst(camelCase(name)), as Newman.
	tests := map[string]string{
		"Users / Get user":       "UsersGetUser",
		"Create thing":           "CreateThing",
		"GET /api/v1/users":      "GetApiV1Users",
		"XMLHttpRequest test":    "XmlHttpRequestTest",
		"already camelCase name": "AlreadyCamelCaseName",
		"ünïcode wörds":          "UnicodeWords",
		"1st thing 2nd":          "1stThing2nd",
		"snake_case-and-kebab":   "SnakeCaseAndKebab",
	}
	for in, want := range tests {
		if got := className(in); got != want {
			t.Errorf("className(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEscaping(t *testing.T) {
	if got := attr("a<b>&\"c\"\n"); got != "a&lt;b&gt;&amp;&quot;c&quot;&#xA;" {
		t.Errorf("attr = %q", got)
	}
	if got := cdata("x]]>y"); got != "<![CDATA[x]]]]><![CDATA[>y]]>" {
		t.Errorf("cdata = %q", got)
	}
	var v struct {
		Text string `xml:",chardata"`
	}
	if err := xml.Unmarshal([]byte("<a>"+cdata("x]]>y")+"</a>"), &v); err != nil || v.Text != "x]]>y" {
		t.Errorf("cdata round trip = %q, %v", v.Text, err)
	}
}

// TestNewmanSuiteIDAndEnd checks two things measured with clidiff
// --report junit against newman 6.2.2: a suite's id is its item's id, or
// the id the run made up for an item that has none (newman's is a uuid,
// never empty); the document ends right after </testsuites>, no newline.
func TestNewmanSuiteIDAndEnd(t *testing.T) {
	tests := []struct {
		name         string
		fileID, made string
		want         string
	}{
		{"item with an id", "a1", "a1", `id="a1"`},
		{"item without one", "", "5b7c0d2e-0000-4000-8000-000000000000", `id="5b7c0d2e-0000-4000-8000-000000000000"`},
	}
	for _, tc := range tests {
		_, sum := fixture.Sample(1)
		for _, x := range sum.Executions {
			if x == nil || x.Item == nil {
				continue
			}
			it := *x.Item
			it.ID = tc.fileID
			x.Item, x.ItemID = &it, tc.made
		}
		out := Render(sum)
		if !strings.Contains(out, tc.want) || strings.Contains(out, `id=""`) {
			t.Errorf("%s: suite ids in\n%s\nwant %s", tc.name, out, tc.want)
		}
		if !strings.HasSuffix(out, "</testsuites>") {
			t.Errorf("%s: report ends %q", tc.name, out[len(out)-20:])
		}
	}
}
