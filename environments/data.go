package environments

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

// LoadData reads an iteration data file (CSV with a header row, or a JSON
// array of objects) and returns one variable list per iteration. JSON values
// keep their types; CSV values are strings except unquoted numbers, which
// become numbers as Newman's csv cast makes them ("007" -> 7, "0x10" -> 0,
// "1e3" -> 1000; quoted "3" stays "3"). Errors name the file and place.
func LoadData(path string) ([]*List, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, fmt.Errorf("loading iteration data %s: %w", path, err)
	}
	rows, err := ParseData(data, path)
	if err != nil {
		return nil, fmt.Errorf("loading iteration data %w", err) // err starts with the path
	}
	return rows, nil
}

// ParseData parses iteration data bytes (JSON when the text starts with "["
// or "{", else CSV); name is used in errors.
func ParseData(data []byte, name string) ([]*List, error) {
	text, err := DecodeText(data)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	trimmed := bytes.TrimSpace(text)
	if len(trimmed) > 0 && (trimmed[0] == '[' || trimmed[0] == '{') {
		return parseJSONData(text, name)
	}
	return parseCSVData(string(text), name)
}

func parseJSONData(text []byte, name string) ([]*List, error) {
	if err := CheckJSON(text); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	var rows []json.RawMessage
	if err := json.Unmarshal(text, &rows); err != nil {
		return nil, fmt.Errorf("%s: expected an array of objects, got %s", name, jsonKind(text))
	}
	out := make([]*List, 0, len(rows))
	for i, r := range rows {
		dec := json.NewDecoder(bytes.NewReader(r))
		tok, err := dec.Token()
		if err != nil || tok != json.Delim('{') {
			return nil, fmt.Errorf("%s: item %d: expected an object, got %s", name, i, jsonKind(r))
		}
		l := &List{}
		for dec.More() {
			kt, err := dec.Token()
			if err != nil {
				return nil, fmt.Errorf("%s: item %d: %w", name, i, err)
			}
			var v any
			if err := dec.Decode(&v); err != nil {
				return nil, fmt.Errorf("%s: item %d: %w", name, i, err)
			}
			l.vars = append(l.vars, NewVariable(kt.(string), v, "any"))
		}
		out = append(out, l)
	}
	return out, nil
}

// csvField is one parsed CSV field.
type csvField struct {
	text   string
	quoted bool
}

// parseCSVData parses CSV as Newman configures csv-parse: header row gives
// the column names, fields trimmed, quotes relaxed, extra columns ignored,
// missing columns absent, and a blank line gives a row with the first column
// set to "".
func parseCSVData(text, name string) ([]*List, error) {
	records, err := readCSV(text)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(records) == 0 {
		return nil, nil
	}
	header := records[0]
	out := make([]*List, 0, len(records)-1)
	for _, rec := range records[1:] {
		l := &List{}
		for i, f := range rec {
			if i >= len(header) {
				break
			}
			key := header[i].text
			var v any = f.text
			if !f.quoted {
				v = csvCast(f.text)
			}
			if existing := l.Lookup(key); existing != nil {
				existing.Value = v // duplicate column: the later one wins
				continue
			}
			l.vars = append(l.vars, NewVariable(key, v, "any"))
		}
		out = append(out, l)
	}
	return out, nil
}

// csvInt reports whether s is an integer as Newman's CSV parser sees one,
// /^(-|\+)?([1-9]+[0-9]*)$/: an optional sign, then digits not starting with 0.
func csvInt(s string) bool {
	if s != "" && (s[0] == '-' || s[0] == '+') {
		s = s[1:]
	}
	if s == "" || s[0] == '0' {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// csvCast converts an unquoted CSV value as Newman does: integers and
// JavaScript-float-looking values become numbers.
func csvCast(s string) any {
	if csvInt(s) {
		f, err := strconv.ParseFloat(strings.TrimPrefix(s, "+"), 64)
		if err == nil || math.IsInf(f, 0) {
			return f
		}
	}
	// (value - parseFloat(value) + 1) >= 0
	if d := StringToNumber(s) - ParseFloatPrefix(s) + 1; d >= 0 {
		return ParseFloatPrefix(s)
	}
	return s
}

// readCSV splits text into records of trimmed fields, tracking quoting.
func readCSV(text string) ([][]csvField, error) {
	var records [][]csvField
	var rec []csvField
	var field strings.Builder
	quoted := false   // field began with a quote
	inQuotes := false // inside a quoted section
	line, col := 1, 0
	startLine := 1
	endField := func() {
		t := field.String()
		if !quoted {
			t = strings.TrimSpace(t)
		}
		rec = append(rec, csvField{text: t, quoted: quoted})
		field.Reset()
		quoted = false
	}
	endRecord := func() {
		endField()
		records = append(records, rec)
		rec = nil
	}
	i := 0
	n := len(text)
	atFieldStart := true
	for i < n {
		c := text[i]
		col++
		if inQuotes {
			if c == '"' {
				if i+1 < n && text[i+1] == '"' {
					field.WriteByte('"')
					i += 2
					col++
					continue
				}
				inQuotes = false
				i++
				// skip trailing white space up to the delimiter
				for i < n && (text[i] == ' ' || text[i] == '\t') {
					i++
				}
				if i < n && text[i] != ',' && text[i] != '\n' && text[i] != '\r' {
					return nil, fmt.Errorf("line %d, column %d: invalid closing quote: found %q after the quoted field", line, col+1, text[i])
				}
				continue
			}
			if c == '\n' {
				line++
				col = 0
			}
			field.WriteByte(c)
			i++
			continue
		}
		switch {
		case c == '"' && atFieldStart:
			quoted, inQuotes = true, true
			field.Reset()
			atFieldStart = false
			i++
		case c == ',':
			endField()
			atFieldStart = true
			i++
		case c == '\r' || c == '\n':
			if c == '\r' && i+1 < n && text[i+1] == '\n' {
				i++
			}
			i++
			endRecord()
			line++
			col = 0
			startLine = line
			atFieldStart = true
		case (c == ' ' || c == '\t') && atFieldStart:
			i++ // leading white space before a possible quote
		default:
			atFieldStart = false
			field.WriteByte(c)
			i++
		}
	}
	if inQuotes {
		return nil, fmt.Errorf("line %d: quoted field not terminated", startLine)
	}
	if field.Len() > 0 || len(rec) > 0 || quoted {
		endRecord()
	}
	return records, nil
}
