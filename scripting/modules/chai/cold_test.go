package chai

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/dop251/goja"

	compilerpkg "github.com/postie-run/postie/scripting/compiler"
)

// coldScenarios are the scripts TestColdLoad times in a fresh process,
// after chai's Load: typical passing Postman tests and failing ones (which
// may load the parts compiled on first use).
var coldScenarios = []struct{ name, code string }{
	{"status-pass", `expect(response).to.have.status(200);`},
	{"typical-pass", `expect(response).to.have.status(200); expect(1).to.equal(1);
		expect({a: 1}).to.have.property('a'); expect(response.json().id).to.eql(7);
		expect(response).to.have.header('Content-Type'); expect(response).to.be.ok;
		expect(response).to.be.json;`},
	{"eql-object-pass", `expect(response.json()).to.eql({id: 7});`},
	{"common-pass", `expect(response).to.have.status(200); expect(response.json()).to.be.an('object');
		expect([1, 2]).to.include(2); expect(5).to.be.below(200);`},
	{"status-fail", `try { expect(response).to.have.status(404); } catch (e) { return e.message; }`},
	{"eql-fail", `try { expect({a: [1, 2]}).to.eql({a: [1, 3]}); } catch (e) { return e.message; }`},
}

// coldResult is what a child process reports.
type coldResult struct {
	Load, Run, LoadCPU, RunCPU time.Duration
	Alloc, Mallocs             uint64 // bytes and objects allocated by Load and the run
	Out                        string
}

// TestColdLoad reports, for each scenario, the time of loading chai and
// running the scenario in a fresh process: median and fastest of
// CHAI_COLD=N runs. With CHAI_COLD_WARM=1 each process first compiles the
// sandbox's own pm.js and sdk.js, as postie has when a test script first
// reads pm.expect, so the cold start of goja's compiler is not counted.
// It measures only; it asserts nothing about time.
func TestColdLoad(t *testing.T) {
	if scen := os.Getenv("CHAI_COLD_CHILD"); scen != "" {
		coldChild(t, scen)
		return
	}
	n := 0
	if _, err := fmt.Sscan(os.Getenv("CHAI_COLD"), &n); err != nil || n <= 0 {
		t.Skip("CHAI_COLD not set")
	}
	for _, sc := range coldScenarios {
		var wall, cpu []time.Duration
		var r coldResult
		for i := 0; i < n; i++ {
			r = runColdChild(t, sc.name)
			wall, cpu = append(wall, r.Load+r.Run), append(cpu, r.LoadCPU+r.RunCPU)
		}
		slices.Sort(wall)
		slices.Sort(cpu)
		t.Logf("%-15s load+run wall median %6.2f ms, fastest %6.2f; cpu median %6.2f ms, fastest %6.2f; %5.2f MB in %d allocations (%d runs; result %q)",
			sc.name, ms(wall[n/2]), ms(wall[0]), ms(cpu[n/2]), ms(cpu[0]), float64(r.Alloc)/1e6, r.Mallocs, n, r.Out)
	}
}

func ms(d time.Duration) float64 { return float64(d) / 1e6 }

func runColdChild(t *testing.T, scenario string) coldResult {
	cmd := exec.Command(os.Args[0], "-test.run=^TestColdLoad$", "-test.count=1")
	cmd.Env = append(os.Environ(), "CHAI_COLD_CHILD="+scenario)
	b, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", scenario, err, b)
	}
	_, line, ok := strings.Cut(string(b), "COLD ")
	if !ok {
		t.Fatalf("%s: no result in %s", scenario, b)
	}
	line, _, _ = strings.Cut(line, "\n")
	var r coldResult
	if err := json.Unmarshal([]byte(line), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func coldChild(t *testing.T, scenario string) {
	i := slices.IndexFunc(coldScenarios, func(s struct{ name, code string }) bool { return s.name == scenario })
	if i < 0 {
		t.Fatalf("no scenario %q", scenario)
	}
	fake, err := os.ReadFile("testdata/fake_response.js")
	if err != nil {
		t.Fatal(err)
	}
	if os.Getenv("CHAI_COLD_WARM") != "" {
		for _, f := range []string{"../../js/pm.js", "../../js/sdk.js"} {
			src, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			if _, err := goja.Compile(f, string(src), false); err != nil {
				t.Fatal(err)
			}
		}
	}
	rt := goja.New()
	spec := `{"code": 200, "status": "OK", "body": "{\"id\": 7}", "header": [{"key": "Content-Type", "value": "application/json"}]}`
	if _, err := rt.RunString("var response = (" + string(fake) + ")(" + spec + ");"); err != nil {
		t.Fatal(err)
	}
	fn, err := rt.RunString("(function (expect) {\n" + coldScenarios[i].code + "\n})")
	if err != nil {
		t.Fatal(err)
	}
	call, _ := goja.AssertFunction(fn)
	var r coldResult
	var m0, m1 runtime.MemStats
	runtime.ReadMemStats(&m0)
	start, cpu := time.Now(), cpuTime()
	exports, err := Load(rt, compilerpkg.New(0))
	if err != nil {
		t.Fatal(err)
	}
	r.Load, r.LoadCPU = time.Since(start), cpuTime()-cpu
	start, cpu = time.Now(), cpuTime()
	v, err := call(goja.Undefined(), exports.ToObject(rt).Get("expect"))
	if err != nil {
		t.Fatal(err)
	}
	r.Run, r.RunCPU = time.Since(start), cpuTime()-cpu
	runtime.ReadMemStats(&m1)
	r.Alloc, r.Mallocs = m1.TotalAlloc-m0.TotalAlloc, m1.Mallocs-m0.Mallocs
	r.Out = v.String()
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Printf("COLD %s\n", b)
}
