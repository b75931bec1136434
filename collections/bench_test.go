package collections

import (
	"fmt"
	"strings"
	"testing"
)

// bigCollection returns a collection of folders x requests in the Postman
// app's export shape.
func bigCollection(folders, requests int) []byte {
	var b strings.Builder
	b.WriteString(`{"info":{"_postman_id":"x","name":"big","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[`)
	for f := 0; f < folders; f++ {
		if f > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"name":"Folder %d","item":[`, f)
		for r := 0; r < requests; r++ {
			if r > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, `{"name":"Request %d","event":[{"listen":"test","script":{"exec":["pm.test(\"ok\", function () {","  pm.response.to.have.status(200);","});"],"type":"text/javascript"}}],`+
				`"request":{"method":"POST","header":[{"key":"Content-Type","value":"application/json","type":"text"},{"key":"X-Id","value":"{{id}}"}],`+
				`"body":{"mode":"raw","raw":"{\"n\": %d, \"name\": \"{{$randomFullName}}\"}","options":{"raw":{"language":"json"}}},`+
				`"url":{"raw":"{{baseUrl}}/items/:id?page=1&q={{q}}","host":["{{baseUrl}}"],"path":["items",":id"],"query":[{"key":"page","value":"1"},{"key":"q","value":"{{q}}"}],"variable":[{"key":"id","value":"%d"}]}},"response":[]}`, r, r, r)
		}
		b.WriteString(`]}`)
	}
	b.WriteString(`],"variable":[{"key":"baseUrl","value":"http://127.0.0.1:3000","type":"string"}]}`)
	return []byte(b.String())
}

func BenchmarkParse1000(b *testing.B) {
	data := bigCollection(10, 100)
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(data, "big.json"); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkMarshal1000(b *testing.B) {
	c, err := Parse(bigCollection(10, 100), "big.json")
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.MarshalJSON(); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRequestCloneAndString(b *testing.B) {
	c, _ := Parse(bigCollection(1, 1), "one.json")
	r := c.Items[0].Items[0].Request
	b.ReportAllocs()
	for b.Loop() {
		_ = r.Clone().URL.String()
	}
}
