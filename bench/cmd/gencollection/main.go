// Command gencollection writes a Postman v2.1 collection of N GET requests,
// each with a trivial test script, for benchmarks.
//
//	gencollection -n 1000 -base http://127.0.0.1:8080 -o bench.json
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
)

func main() {
	n := flag.Int("n", 1000, "number of requests")
	base := flag.String("base", "{{baseUrl}}", "base URL of every request")
	out := flag.String("o", "-", "output file (- for stdout)")
	tests := flag.Bool("tests", true, "give each request a test script (one pm.test)")
	flag.Parse()
	if *n < 1 {
		fmt.Fprintln(os.Stderr, "gencollection: -n must be at least 1")
		os.Exit(2)
	}
	var w io.Writer = os.Stdout
	if *out != "-" {
		f, err := os.Create(*out)
		if err != nil {
			fmt.Fprintf(os.Stderr, "gencollection: %v\n", err)
			os.Exit(1)
		}
		defer f.Close()
		w = f
	}
	bw := bufio.NewWriter(w)
	if err := write(bw, *n, *base, *tests); err != nil {
		fmt.Fprintf(os.Stderr, "gencollection: %v\n", err)
		os.Exit(1)
	}
	if err := bw.Flush(); err != nil {
		fmt.Fprintf(os.Stderr, "gencollection: %v\n", err)
		os.Exit(1)
	}
}

type script struct {
	Type string   `json:"type"`
	Exec []string `json:"exec"`
}

type event struct {
	Listen string `json:"listen"`
	Script script `json:"script"`
}

type request struct {
	Method string `json:"method"`
	URL    string `json:"url"`
}

type item struct {
	Name    string  `json:"name"`
	Event   []event `json:"event"`
	Request request `json:"request"`
}

// write encodes the collection to w.
func write(w io.Writer, n int, base string, tests bool) error {
	items := make([]item, n)
	for i := range items {
		items[i] = item{
			Name:    fmt.Sprintf("request %d", i+1),
			Event:   []event{},
			Request: request{Method: "GET", URL: fmt.Sprintf("%s/items/%d", base, i+1)},
		}
		if tests {
			items[i].Event = []event{{Listen: "test", Script: script{Type: "text/javascript", Exec: []string{
				`pm.test("status is 200", function () { pm.response.to.have.status(200); });`,
			}}}}
		}
	}
	coll := map[string]any{
		"info": map[string]string{
			"name":   fmt.Sprintf("bench %d requests", n),
			"schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json",
		},
		"item": items,
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", " ")
	return enc.Encode(coll)
}
