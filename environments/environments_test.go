package environments

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func TestString(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{"s", "s"}, {5.0, "5"}, {1.5, "1.5"}, {true, "true"}, {false, "false"}, {nil, "null"},
		{map[string]any{"a": 1.0}, "[object Object]"}, {[]any{1.0, "b", nil, []any{2.0, 3.0}}, "1,b,,2,3"},
		{1e21, "1e+21"}, {1e-7, "1e-7"}, {123456789012345680000.0, "123456789012345680000"},
		{sum(0.1, 0.2), "0.30000000000000004"}, {math.Copysign(0, -1), "0"}, {100.0, "100"}, {1e300, "1e+300"},
		{9007199254740994.0, "9007199254740994"}, {0.000001, "0.000001"}, {123e-20, "1.23e-18"},
		{math.NaN(), "NaN"}, {math.Inf(-1), "-Infinity"}, {-2.5, "-2.5"}, {42, "42"}, {int64(-7), "-7"},
		{[]any{}, ""},
	}
	for _, tt := range tests {
		if got := String(tt.in); got != tt.want {
			t.Errorf("String(%#v) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestVariableTypes(t *testing.T) {
	tests := []struct {
		v    *Variable
		want string
	}{
		{NewVariable("a", 5.0, "string"), "5"},
		{NewVariable("a", "12", "number"), "12"},
		{NewVariable("a", "x", "number"), "NaN"},
		{NewVariable("a", "false", "boolean"), "true"}, // Boolean("false") is true in JS
		{NewVariable("a", "", "boolean"), "false"},
		{NewVariable("a", "s", "secret"), "s"},
		{NewVariable("a", nil, "any"), "null"},
		{&Variable{Key: "a"}, ""}, // no value: undefined
	}
	for _, tt := range tests {
		if got := tt.v.Text(); got != tt.want {
			t.Errorf("%+v: Text() = %q, want %q", tt.v, got, tt.want)
		}
	}
}

func TestListSemantics(t *testing.T) {
	l := NewList(
		NewVariable("a", "first", ""),
		NewVariable("a", "second", ""),
		&Variable{Key: "a", Value: "disabled", Disabled: true, has: hasKey | hasValue},
		&Variable{Key: "d", Value: "off", Disabled: true, has: hasKey | hasValue},
	)
	if v, ok := l.Get("a"); !ok || v != "second" {
		t.Fatalf("Get(a) = %v %v, want the last enabled", v, ok)
	}
	if l.Has("d") {
		t.Fatal("disabled variable visible")
	}
	l.Set("a", "updated", "")
	if l.Variables()[1].Value != "updated" || l.Len() != 4 {
		t.Fatalf("Set must update the last enabled in place: %+v", l.Variables()[1])
	}
	l.Set("d", "new", "")
	if l.Len() != 5 || l.Variables()[4].Type != "any" || l.Variables()[3].Value != "off" {
		t.Fatal("Set on a disabled-only key must append")
	}
	l.Set("a", 7.0, "number")
	if l.Variables()[1].Type != "number" {
		t.Fatal("Set with a type must change it")
	}
	l.Unset("a")
	if l.Has("a") || l.Len() != 3 || l.Variables()[0].Key != "a" || !l.Variables()[0].Disabled {
		t.Fatalf("Unset must drop enabled ones and keep disabled: %d", l.Len())
	}
	obj := l.ToObject()
	if !reflect.DeepEqual(obj, map[string]any{"d": "new"}) {
		t.Fatalf("ToObject = %v", obj)
	}
	c := l.Clone()
	c.Set("d", "changed", "")
	if v, _ := l.Get("d"); v != "new" {
		t.Fatal("Clone shares variables")
	}
	l.Clear()
	if l.Len() != 0 {
		t.Fatal("Clear")
	}
	var zero List
	zero.Set("x", "1", "")
	if v, _ := zero.Get("x"); v != "1" {
		t.Fatal("zero List not usable")
	}
}

func scopes() *Scopes {
	return &Scopes{
		Globals:     NewList(NewVariable("who", "globals", ""), NewVariable("g", "G", ""), NewVariable("all", "g", "")),
		Collection:  NewList(NewVariable("who", "collection", ""), NewVariable("all", "c", "")),
		Environment: NewList(NewVariable("who", "environment", ""), NewVariable("all", "e", ""), NewVariable("host", "{{sub}}.example.com", "")),
		Data:        NewList(NewVariable("who", "data", ""), NewVariable("all", "d", ""), NewVariable("sub", "{{prefix}}-api", "")),
		Local:       NewList(NewVariable("who", "local", ""), NewVariable("prefix", "eu", "")),
	}
}

func TestScopePrecedence(t *testing.T) {
	s := scopes()
	order := []struct {
		drop func(*Scopes)
		want string
	}{
		{func(*Scopes) {}, "local"},
		{func(s *Scopes) { s.Local = nil }, "data"},
		{func(s *Scopes) { s.Data = nil }, "environment"},
		{func(s *Scopes) { s.Environment = nil }, "collection"},
		{func(s *Scopes) { s.Collection = nil }, "globals"},
	}
	for _, o := range order {
		o.drop(s)
		if v, ok := s.Get("who"); !ok || v != o.want {
			t.Fatalf("Get(who) = %v, want %s", v, o.want)
		}
		if got := s.ReplaceIn("{{who}}"); got != o.want {
			t.Fatalf("ReplaceIn = %q, want %s", got, o.want)
		}
	}
	// a disabled variable in a higher scope falls through to a lower one
	s = scopes()
	s.Local.vars[0].Disabled = true
	if got := s.ReplaceIn("{{who}}"); got != "data" {
		t.Fatalf("disabled local: %q", got)
	}
}

func TestReplaceIn(t *testing.T) {
	s := scopes()
	s.Local.Append(
		NewVariable("with space", "sp", ""),
		NewVariable("a.b-c", "dotted", ""),
		NewVariable("num", 5.0, ""),
		NewVariable("obj", map[string]any{"x": 1.0}, ""),
		NewVariable("nul", nil, ""),
		NewVariable("empty", "", ""),
		NewVariable("self", "x{{self}}", ""),
		NewVariable("$guid", "overridden", ""),
		&Variable{Key: "undef", has: hasKey},
	)
	tests := []struct{ in, want string }{
		{"plain", "plain"},
		{"{{host}}/path", "eu-api.example.com/path"},
		{"{{missing}} and {{ who }}", "{{missing}} and {{ who }}"},
		{"{{with space}}|{{a.b-c}}", "sp|dotted"},
		{"n={{num}} o={{obj}} z={{nul}} e=[{{empty}}] u=[{{undef}}]", "n=5 o=[object Object] z=null e=[] u=[]"},
		{"{{{who}}}", "{local}"},
		{"{{}}", "{{}}"},
		{"{{who", "{{who"},
		{"{{$guid}}", "overridden"},
		{"{{$notADynamic}}", "{{$notADynamic}}"},
		{"{{self}}", strings.Repeat("x", 19) + "{{self}}"},
		{"{{who}}{{who}}", "locallocal"},
	}
	for _, tt := range tests {
		if got := s.ReplaceIn(tt.in); got != tt.want {
			t.Errorf("ReplaceIn(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	// dynamics: generated only when the scopes have a generator
	s.Dynamics = NewDynamics(1)
	got := s.ReplaceIn("{{$randomInt}}/{{$timestamp}}")
	if !regexp.MustCompile(`^\d{1,4}/\d{10}$`).MatchString(got) {
		t.Fatalf("dynamics: %q", got)
	}
	s.Dynamics = nil
	if got := s.ReplaceIn("{{$randomInt}}"); got != "{{$randomInt}}" {
		t.Fatalf("no generator: %q", got)
	}
	if refs := References("{{a}} {{b}} {{a}} {{ c }}"); !reflect.DeepEqual(refs, []string{"a", "b", " c "}) {
		t.Fatalf("References = %q", refs)
	}
}

// dynamicShapes gives every Postman dynamic variable (postman-collection's
// list, 118 names) the pattern its values must match.
var dynamicShapes = map[string]string{
	"$guid": `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`, "$randomUUID": `[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}`,
	"$timestamp": `\d{10}`, "$isoTimestamp": `\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z`, "$randomInt": `(\d|[1-9]\d{1,2}|1000)`,
	"$randomPhoneNumber": `\d{3}-\d{3}-\d{4}`, "$randomPhoneNumberExt": `\d{1,2}-\d{3}-\d{3}-\d{4}`, "$randomLocale": `[a-z]{2,3}`,
	"$randomWords": `\S+( \S+){1,4}`, "$randomFilePath": `(/[\w+.-]+)+/[\w-]+\.\w+`, "$randomDirectoryPath": `(/[\w+.-]+)+`,
	"$randomCity": `[A-Z][\w' .-]*`, "$randomStreetName": `[A-Z][\w'-]* [A-Z]\w+`, "$randomStreetAddress": `[1-9]\d{2,4} [A-Z][\w'-]* [A-Z]\w+`,
	"$randomCountry": `\p{Lu}.+`, "$randomCountryCode": `[A-Z]{2}`, "$randomLatitude": `-?\d{1,2}\.\d{4}`, "$randomLongitude": `-?\d{1,3}\.\d{4}`,
	"$randomColor": `[a-z]+( [a-z]+)?`, "$randomDepartment": `[A-Z][a-z]+`, "$randomProductName": `[A-Z]\w+ [A-Z]\w+ [A-Z]\w+`,
	"$randomProductAdjective": `[A-Z][a-z]+`, "$randomProductMaterial": `[A-Z][a-z]+`, "$randomProduct": `[A-Z][a-z]+`,
	"$randomCompanyName": `[A-Z][\w' ,-]+`, "$randomCompanySuffix": `(Inc|and Sons|LLC|Group)`, "$randomCatchPhrase": `[A-Z][\w-]* \S+ [\w-]+`,
	"$randomBs": `[\w-]+ [\w/-]+ [\w-]+`, "$randomCatchPhraseAdjective": `[A-Z][\w-]+`, "$randomCatchPhraseDescriptor": `[\w/-]+`,
	"$randomCatchPhraseNoun": `[a-z-]+`, "$randomBsAdjective": `[\w/-]+`, "$randomBsBuzz": `[a-z-]+`, "$randomBsNoun": `[\w-]+`,
	"$randomDatabaseColumn": `[a-zA-Z]+`, "$randomDatabaseType": `[a-z]+`, "$randomDatabaseCollation": `[a-z0-9]+_[a-z_]+`, "$randomDatabaseEngine": `[A-Za-z]+`,
	"$randomDatePast": jsDateRe, "$randomDateFuture": jsDateRe, "$randomDateRecent": jsDateRe,
	"$randomMonth":   `(January|February|March|April|May|June|July|August|September|October|November|December)`,
	"$randomWeekday": `(Sun|Mon|Tues|Wednes|Thurs|Fri|Satur)day`, "$randomBankAccount": `\d{8}`, "$randomBankAccountName": `[A-Z][\w ]+ Account`,
	"$randomCreditCardMask": `\d{4}`, "$randomPrice": `\d{1,4}\.\d\d`, "$randomTransactionType": `(deposit|withdrawal|payment|invoice)`,
	"$randomCurrencyCode": `[A-Z]{3}`, "$randomCurrencyName": `[A-Z].+`, "$randomCurrencySymbol": `\S{1,3}`, "$randomBitcoin": `[13][1-9A-HJ-NP-Za-km-z]{25,33}`,
	"$randomBankAccountIban": `[A-Z]{2}\d{2}[A-Z0-9]{8,30}`, "$randomBankAccountBic": `[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?`,
	"$randomAbbreviation": `[A-Z0-9]{2,5}`, "$randomAdjective": `[\w -]+`, "$randomNoun": `[\w ]+`, "$randomVerb": `[\w ]+`, "$randomIngverb": `\w+ing( \w+)?`,
	"$randomPhrase": `[A-Z].+[.!?]`, "$randomAvatarImage": `https://cdn\.fakercloud\.com/avatars/[a-z'-]+_128\.jpg`, "$randomImageUrl": `http://placeimg\.com/640/480`,
	"$randomAbstractImage": imgRe("abstract"), "$randomAnimalsImage": imgRe("animals"), "$randomBusinessImage": imgRe("business"),
	"$randomCatsImage": imgRe("cats"), "$randomCityImage": imgRe("city"), "$randomFoodImage": imgRe("food"), "$randomNightlifeImage": imgRe("nightlife"),
	"$randomFashionImage": imgRe("fashion"), "$randomPeopleImage": imgRe("people"), "$randomNatureImage": imgRe("nature"),
	"$randomSportsImage": imgRe("sports"), "$randomTransportImage": imgRe("transport"),
	"$randomImageDataUri": `data:image/svg\+xml;charset=UTF-8,%3Csvg%20xmlns%3D%22http%3A%2F%2Fwww\.w3\.org%2F2000%2Fsvg%22.*%3C%2Fsvg%3E`,
	"$randomEmail":        `[\w.]+@(gmail|yahoo|hotmail)\.com`, "$randomExampleEmail": `[\w.]+@example\.(com|net|org)`, "$randomUserName": `[A-Z][\w.']+`,
	"$randomProtocol": `https?`, "$randomUrl": `https?://[a-z0-9-]+\.(com|biz|info|name|net|org)`, "$randomDomainName": `[a-z0-9-]+\.(com|biz|info|name|net|org)`,
	"$randomDomainSuffix": `(com|biz|info|name|net|org)`, "$randomDomainWord": `[a-z0-9-]+`, "$randomIP": `(\d{1,3}\.){3}\d{1,3}`,
	"$randomIPV6": `([0-9a-f]{4}:){7}[0-9a-f]{4}`, "$randomUserAgent": `\S+/.+`, "$randomHexColor": `#[0-9a-f]{6}`, "$randomMACAddress": `([0-9a-f]{2}:){5}[0-9a-f]{2}`,
	"$randomPassword": `\w{15}`, "$randomLoremWord": `[a-z]+`, "$randomLoremWords": `[a-z]+ [a-z]+ [a-z]+`, "$randomLoremSentence": loremSentenceRe,
	"$randomLoremSlug": `[a-z]+-[a-z]+-[a-z]+`, "$randomLoremSentences": loremSentenceRe + `( ` + loremSentenceRe + `)+`,
	"$randomLoremParagraph":  loremSentenceRe + `( ` + loremSentenceRe + `){2,}`,
	"$randomLoremParagraphs": `(?s)` + loremSentenceRe + `.*\n \r.*\n \r.*\.`, "$randomLoremText": `(?s)[A-Za-z].*`,
	"$randomLoremLines": loremSentenceRe + `(\n` + loremSentenceRe + `){0,4}`, "$randomFirstName": `[A-Z][\w'-]+`, "$randomLastName": `[A-Z][\w' -]+`,
	"$randomFullName": `(\S+ )?[A-Z][\w'-]+ [A-Z][\w' -]+( \S+)?`, "$randomJobTitle": `\w+ \w+ \w+`, "$randomNamePrefix": `[A-Z][a-z]*\.?`,
	"$randomNameSuffix": `[A-Z][A-Za-z]*\.?`, "$randomJobDescriptor": `\w+`, "$randomJobArea": `\w+`, "$randomJobType": `\w+`,
	"$randomBoolean": `(true|false)`, "$randomWord": `\S+`, "$randomAlphaNumeric": `[a-z0-9]`, "$randomFileName": `[a-z_-]+\.\w+`,
	"$randomCommonFileName": `[a-z-]+\.\w+`, "$randomMimeType": `[\w.+-]+/[\w.+-]+`, "$randomCommonFileType": `(video|audio|image|text|application)`,
	"$randomCommonFileExt": `\w+`, "$randomFileType": `[\w-]+`, "$randomFileExt": `\w+`, "$randomSemver": `\d\.\d\.\d`,
}

const (
	jsDateRe        = `(Sun|Mon|Tue|Wed|Thu|Fri|Sat) (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d\d \d{4} \d\d:\d\d:\d\d GMT[+-]\d{4} \(.+\)`
	loremSentenceRe = `[A-Z][a-z]*( [a-z]+){2,9}\.`
)

func imgRe(c string) string { return `http://placeimg\.com/640/480/` + c }

func TestDynamicsShapes(t *testing.T) {
	d := NewDynamics(0)
	names := d.Names()
	if len(names) != 118 || len(dynamicShapes) != 118 {
		t.Fatalf("%d names, %d shapes; Postman has 118", len(names), len(dynamicShapes))
	}
	for _, name := range names {
		shape, ok := dynamicShapes[name]
		if !ok {
			t.Errorf("%s: no shape", name)
			continue
		}
		re := regexp.MustCompile(`^(?:` + shape + `)$`)
		for i := 0; i < 30; i++ {
			v, ok := d.Value(name)
			if !ok || !re.MatchString(v) {
				t.Errorf("%s = %q does not match %s", name, v, shape)
				break
			}
		}
	}
	if _, ok := d.Value("$nope"); ok {
		t.Fatal("unknown dynamic variable accepted")
	}
	// the same seed gives the same values
	a, b := NewDynamics(42), NewDynamics(42)
	for _, n := range []string{"$guid", "$randomFullName", "$randomInt"} {
		va, _ := a.Value(n)
		vb, _ := b.Value(n)
		if va != vb {
			t.Fatalf("%s not reproducible: %q %q", n, va, vb)
		}
	}
}

func BenchmarkReplaceIn(b *testing.B) {
	s := scopes()
	b.ReportAllocs()
	for b.Loop() {
		_ = s.ReplaceIn("https://{{host}}/users/{{who}}?q={{missing}}")
	}
}

func TestFileRoundTrip(t *testing.T) {
	files, _ := filepath.Glob("testdata/*.json")
	if len(files) < 5 {
		t.Fatalf("testdata: %v", files)
	}
	for _, f := range files {
		t.Run(filepath.Base(f), func(t *testing.T) {
			orig, _ := os.ReadFile(f)
			ef, err := LoadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			p := filepath.Join(t.TempDir(), "out.json")
			if err := ef.WriteFile(p); err != nil {
				t.Fatal(err)
			}
			saved, _ := os.ReadFile(p)
			var want, got any
			json.Unmarshal(orig, &want)
			if err := json.Unmarshal(saved, &got); err != nil {
				t.Fatal(err)
			}
			if !reflect.DeepEqual(want, got) {
				t.Fatalf("round trip differs:\n%s\n%s", orig, saved)
			}
		})
	}
	env, _ := LoadFile("testdata/app_env.postman_environment.json")
	if env.Scope != "environment" || env.Name != "Local" || env.Values.Len() != 3 || env.ExportedUsing != "Postman/11.20.0" {
		t.Fatalf("env: %+v", env)
	}
	if !env.Values.Has("unused") {
		t.Fatal(`"enabled": false must not disable (newman ignores it)`)
	}
	if v, _ := env.Values.Get("token"); v != "s3cr3t" {
		t.Fatal("secret value")
	}
	nm, _ := LoadFile("testdata/newman_export.json")
	if v, _ := nm.Values.Get("b"); v != 5.0 {
		t.Fatalf("numeric value %v", v)
	}
	// a File made in code writes an empty values array
	made, _ := (&File{Scope: "globals"}).MarshalJSON()
	if string(made) != `{"values":[],"_postman_variable_scope":"globals"}` {
		t.Fatalf("made: %s", made)
	}
	// a variable set by a script is written as key/value/type
	env.Values.Set("new", 1.0, "")
	out, _ := env.MarshalJSON()
	if !bytes.Contains(out, []byte(`{"key":"new","value":1,"type":"any"}`)) {
		t.Fatalf("new variable: %s", out)
	}
}

func TestParseFileErrors(t *testing.T) {
	tests := []struct{ data, want string }{
		{"{\n \"values\": [\n  {\"key\": \"a\" \"value\": 1}\n ]\n}", "e.json: invalid JSON at line 3, column 15"},
		{`{"values": {}}`, "e.json: values: expected array, got object"},
		{`{"values": [1]}`, "e.json: values[0]: variable: expected object, got number"},
		{`5`, "e.json: expected an object, got number"},
		{`{"name": 5}`, "e.json: name: expected string, got number"},
	}
	for _, tt := range tests {
		_, err := ParseFile([]byte(tt.data), "e.json")
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("error %v, want %q", err, tt.want)
		}
	}
}

func utf16Bytes(s string, bigEndian bool) []byte {
	var b bytes.Buffer
	if bigEndian {
		b.Write([]byte{0xFE, 0xFF})
	} else {
		b.Write([]byte{0xFF, 0xFE})
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b.Write([]byte{byte(u >> 8), byte(u)})
		} else {
			b.Write([]byte{byte(u), byte(u >> 8)})
		}
	}
	return b.Bytes()
}

func TestFileArrayForm(t *testing.T) {
	doc := `[{"key":"g","value":"1","type":"text","name":"g","enabled":true}]`
	f, err := ParseFile([]byte(doc), "globals.json")
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.Values.Get("g"); v != "1" {
		t.Fatalf("%+v", f.Values)
	}
	out, _ := f.MarshalJSON()
	var a, b any
	json.Unmarshal([]byte(doc), &a)
	json.Unmarshal(out, &b)
	if !reflect.DeepEqual(a, b) {
		t.Fatalf("round trip %s", out)
	}
}

func TestFileEncodings(t *testing.T) {
	doc := `{"name":"Ümlaut ✓","values":[{"key":"k","value":"v","enabled":true}]}`
	for name, data := range map[string][]byte{
		"bom":  append([]byte{0xEF, 0xBB, 0xBF}, doc...),
		"le":   utf16Bytes(doc, false),
		"be":   utf16Bytes(doc, true),
		"utf8": []byte(doc),
	} {
		f, err := ParseFile(data, name)
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if f.Name != "Ümlaut ✓" || !f.Values.Has("k") {
			t.Fatalf("%s: %+v", name, f)
		}
	}
}

func TestWriteFileAtomic(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "f.json")
	if err := WriteFileAtomic(p, []byte("one")); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(p); st.Mode().Perm() != 0o644 {
		t.Fatalf("new file mode %v", st.Mode())
	}
	if err := os.Chmod(p, 0o600); err != nil {
		t.Fatal(err)
	}
	if err := WriteFileAtomic(p, []byte("two")); err != nil {
		t.Fatal(err)
	}
	st, _ := os.Stat(p)
	data, _ := os.ReadFile(p)
	if st.Mode().Perm() != 0o600 || string(data) != "two" {
		t.Fatalf("mode %v data %q", st.Mode(), data)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("temp files left: %v", entries)
	}
	if err := WriteFileAtomic(filepath.Join(dir, "missing", "x"), nil); err == nil || !strings.Contains(err.Error(), "missing") {
		t.Fatalf("error %v", err)
	}
}

func rows(ls []*List) []map[string]any {
	out := make([]map[string]any, len(ls))
	for i, l := range ls {
		out[i] = l.ToObject()
	}
	return out
}

func TestParseDataCSV(t *testing.T) {
	// expectations measured with newman 6's csv-parse options
	tests := []struct {
		in   string
		want []map[string]any
	}{
		{"a,b\n1,2\n\n3,4\n", []map[string]any{{"a": 1.0, "b": 2.0}, {"a": ""}, {"a": 3.0, "b": 4.0}}},
		{"a,b\n1,2\n,\n", []map[string]any{{"a": 1.0, "b": 2.0}, {"a": "", "b": ""}}},
		{"a,b\r\n 1 , x y \r\n\"q,\"\"x\",0x10\n", []map[string]any{{"a": 1.0, "b": "x y"}, {"a": "q,\"x", "b": 0.0}}},
		{"a,b\n1\n1,2,3\n", []map[string]any{{"a": 1.0}, {"a": 1.0, "b": 2.0}}},
		{"\ufeffa,b\n007,1e3\n0,-5\n", []map[string]any{{"a": 7.0, "b": 1000.0}, {"a": 0.0, "b": -5.0}}},
		{"a,b\n\"3\",+7\n", []map[string]any{{"a": "3", "b": 7.0}}},
		{"a,a\n1,2\n", []map[string]any{{"a": 2.0}}},
		{"a,b\n1,2", []map[string]any{{"a": 1.0, "b": 2.0}}},
		{"a,b\nx\"y,z\n", []map[string]any{{"a": "x\"y", "b": "z"}}},
		{"a\n\n\n", []map[string]any{{"a": ""}, {"a": ""}}},
		{"a,b\n  \n1,2\n", []map[string]any{{"a": ""}, {"a": 1.0, "b": 2.0}}},
		{"name,v\nAl,1.50\nBo,12abc\n", []map[string]any{{"name": "Al", "v": 1.5}, {"name": "Bo", "v": "12abc"}}},
		{"a\n\"multi\nline\"\n", []map[string]any{{"a": "multi\nline"}}},
		{" h1 , h2 ,h3,h4\n \"q\" ,\"0042\",,say \"hi\" now\n", []map[string]any{{"h1": "q", "h2": "0042", "h3": "", "h4": "say \"hi\" now"}}},
	}
	for _, tt := range tests {
		got, err := ParseData([]byte(tt.in), "d.csv")
		if err != nil {
			t.Errorf("%q: %v", tt.in, err)
			continue
		}
		if !reflect.DeepEqual(rows(got), tt.want) {
			t.Errorf("%q: got %v, want %v", tt.in, rows(got), tt.want)
		}
	}
	if _, err := ParseData([]byte("a\n\"open\n"), "d.csv"); err == nil || !strings.Contains(err.Error(), "d.csv: line 2") {
		t.Errorf("unterminated quote error: %v", err)
	}
}

func TestParseDataJSON(t *testing.T) {
	got, err := ParseData([]byte(`[{"a": 1, "b": "x", "c": {"d": [true]}}, {}]`), "d.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []map[string]any{{"a": 1.0, "b": "x", "c": map[string]any{"d": []any{true}}}, {}}
	if !reflect.DeepEqual(rows(got), want) {
		t.Fatalf("got %v", rows(got))
	}
	tests := []struct{ in, want string }{
		{`{"a": 1}`, "d.json: expected an array of objects, got object"},
		{`[1]`, "d.json: item 0: expected an object, got number"},
		{"[\n {\"a\": 1,}\n]", "d.json: invalid JSON at line 2, column 10"},
	}
	for _, tt := range tests {
		if _, err := ParseData([]byte(tt.in), "d.json"); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want %q", tt.in, err, tt.want)
		}
	}
	p := filepath.Join(t.TempDir(), "data.json")
	os.WriteFile(p, utf16Bytes(`[{"k":"v"}]`, false), 0o644)
	ls, err := LoadData(p)
	if err != nil || len(ls) != 1 || !ls[0].Has("k") {
		t.Fatalf("LoadData utf16: %v %v", ls, err)
	}
	if _, err := LoadData(filepath.Join(t.TempDir(), "nope.csv")); err == nil || !strings.Contains(err.Error(), "nope.csv") {
		t.Fatalf("missing: %v", err)
	}
}

func sum(a, b float64) float64 { return a + b }

// TestNewmanJSON reproduces what newman 6.2.2 wrote with
// --export-environment / --export-globals after a script ran
// pm.environment.set('t', 6); pm.environment.set('d', 'on');
// pm.globals.set('g2', true).
func TestNewmanJSON(t *testing.T) {
	env, err := ParseFile([]byte(`{"id":"e2","name":"E2","values":[{"key":"s","value":"x","type":"secret","enabled":true},{"key":"t","value":"5","type":"string","enabled":true, "description":"d"},{"key":"n","value":3,"type":"number"},{"key":"d","value":"off","enabled":false},{"key":"c","value":"collection-style","disabled":true}],"_postman_variable_scope":"environment"}`), "env2.json")
	if err != nil {
		t.Fatal(err)
	}
	env.Values.Set("t", 6.0, "")
	env.Values.Set("d", "on", "")
	now := time.Date(2026, 11, 25, 13, 2, 37, 478e6, time.UTC)
	got, err := env.NewmanJSON(now, "Newman/6.2.2")
	if err != nil {
		t.Fatal(err)
	}
	want := `{"_":{"postman_variable_scope":"environment"},"id":"e2","name":"E2","values":[
		{"type":"any","value":"x","key":"s"},
		{"description":{"content":"d","type":"text/plain"},"type":"string","value":"6","key":"t"},
		{"type":"number","value":3,"key":"n"},
		{"type":"any","value":"on","key":"d"},
		{"disabled":true,"type":"any","value":"collection-style","key":"c"}],
		"_postman_variable_scope":"environment","_postman_exported_at":"2026-11-25T13:02:37.478Z","_postman_exported_using":"Newman/6.2.2"}`
	var w, g any
	json.Unmarshal([]byte(want), &w)
	if err := json.Unmarshal(got, &g); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(w, g) {
		t.Fatalf("got %s", got)
	}
	// no file loaded: a new id, the scope as name
	f := &File{Scope: "globals", Values: NewList()}
	f.Values.Set("g2", true, "")
	got, _ = f.NewmanJSON(now, "Newman/6.2.2")
	var m map[string]any
	json.Unmarshal(got, &m)
	if m["name"] != "globals" || len(m["id"].(string)) != 36 || m["_"] != nil ||
		!reflect.DeepEqual(m["values"], []any{map[string]any{"type": "any", "value": true, "key": "g2"}}) {
		t.Fatalf("got %s", got)
	}
}

func TestDynamicsConcurrent(t *testing.T) {
	d := NewDynamics(0)
	done := make(chan bool)
	for range 4 {
		go func() {
			for _, n := range d.Names() {
				d.Value(n)
			}
			done <- true
		}()
	}
	for range 4 {
		<-done
	}
}

// TestRoundTripExampleEnvironments round-trips the environments under
// examples/.
func TestRoundTripExampleEnvironments(t *testing.T) {
	files, _ := filepath.Glob("../examples/*/*.postman_environment.json")
	if len(files) == 0 {
		t.Skip("no example environments")
	}
	for _, f := range files {
		orig, _ := os.ReadFile(f)
		ef, err := LoadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		out, err := ef.MarshalJSON()
		if err != nil {
			t.Fatal(err)
		}
		var want, got any
		json.Unmarshal(orig, &want)
		json.Unmarshal(out, &got)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%s: round trip differs", f)
		}
	}
}
