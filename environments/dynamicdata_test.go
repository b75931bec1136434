package environments

import (
	"regexp"
	"strings"
	"testing"
)

// TestDynamicWordLists checks every word list the dynamic variables draw
// from: non-empty, no duplicates, and each entry of the shape its variables
// need.
func TestDynamicWordLists(t *testing.T) {
	codes := make([]string, len(currencies))
	names := make([]string, len(currencies))
	for i, c := range currencies {
		codes[i], names[i] = c.code, c.name
	}
	mimes := make([]string, len(mediaTypes))
	exts := make([]string, len(mediaTypes))
	for i, m := range mediaTypes {
		mimes[i], exts[i] = m.mime, m.ext
	}
	tests := []struct {
		name  string
		list  []string
		shape string
	}{
		{"firstNames", firstNames, `[A-Z][a-z'-]+`},
		{"lastNames", lastNames, `[A-Z][A-Za-z'-]+`},
		{"namePrefixes", namePrefixes, `[A-Z][a-z]*\.?`},
		{"nameSuffixes", nameSuffixes, `[A-Z][A-Za-z]*\.?`},
		{"loremWords", loremWords, `[a-z]+`},
		{"englishWords", englishWords, `[a-z]+`},
		{"jobAreas", jobAreas, `[A-Z][a-z]+`},
		{"jobDescriptors", jobDescriptors, `[A-Z][a-z]+`},
		{"jobTypes", jobTypes, `[A-Z][a-z]+`},
		{"hackerAbbreviations", hackerAbbreviations, `[A-Z0-9]{2,5}`},
		{"hackerAdjectives", hackerAdjectives, `[a-z0-9]+([ -][a-z0-9]+)*`},
		{"hackerNouns", hackerNouns, `[a-z]+( [a-z]+)?`},
		{"hackerVerbs", hackerVerbs, `[a-z]+( [a-z]+)?`},
		{"hackerIngVerbs", hackerIngVerbs, `[a-z]+ing( [a-z]+)?`},
		{"hackerPhrases", hackerPhrases, `[a-zA-Z{].*[.!?]`},
		{"countryNames", countryNames, `\p{Lu}[\pL ,.'()-]+`},
		{"countryCodes", countryCodes, `[A-Z]{2}`},
		{"currencyCodes", codes, `[A-Z]{3}`},
		{"currencyNames", names, `\p{Lu}[\pL ']+`},
		{"mediaTypes", mimes, `(application|audio|font|image|model|text|video)/[a-z0-9.+-]+`},
		{"mediaTypeExts", exts, `[a-z0-9]+`},
		{"userAgentTemplates", userAgentTemplates, `Mozilla/5\.0 \(.+\) .+`},
		{"companySuffixes", companySuffixes, `[A-Za-z][\w ]+`},
		{"locales", locales, `[a-z]{2,3}`},
		{"streetSuffixes", streetSuffixes, `[A-Z][a-z]+`},
		{"colorNames", colorNames, `[a-z]+( [a-z]+)?`},
		{"currencySymbols", currencySymbols, `\S{1,3}`},
		{"commonFileExts", commonFileExts, `[a-z0-9]+`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if len(tc.list) == 0 {
				t.Fatal("empty")
			}
			re := regexp.MustCompile(`^(?:` + tc.shape + `)$`)
			seen := make(map[string]bool, len(tc.list))
			for _, w := range tc.list {
				if seen[w] {
					t.Errorf("duplicate %q", w)
				}
				seen[w] = true
				if !re.MatchString(w) {
					t.Errorf("%q does not match %s", w, tc.shape)
				}
			}
		})
	}
}

// TestDynamicHackerVerbForms checks that hackerIngVerbs are the -ing forms
// of hackerVerbs, in the same order.
func TestDynamicHackerVerbForms(t *testing.T) {
	if len(hackerVerbs) != len(hackerIngVerbs) {
		t.Fatalf("%d verbs, %d -ing forms", len(hackerVerbs), len(hackerIngVerbs))
	}
	for i, v := range hackerVerbs {
		head, rest, _ := strings.Cut(v, " ")
		ing, ingRest, _ := strings.Cut(hackerIngVerbs[i], " ")
		stem := strings.TrimSuffix(ing, "ing")
		if rest != ingRest || !(stem == head || stem == strings.TrimSuffix(head, "e") || stem == head+head[len(head)-1:]) {
			t.Errorf("%q is not the -ing form of %q", hackerIngVerbs[i], v)
		}
	}
}

// TestDynamicTemplates checks that the phrase and User-Agent templates use
// only placeholders their generators fill, so no "{" survives.
func TestDynamicTemplates(t *testing.T) {
	d := NewDynamics(7)
	phrase := regexp.MustCompile(`^[A-Z][^{}]*[.!?]$`)
	ua := regexp.MustCompile(`^Mozilla/5\.0 \([^{}]+\) [^{}]*(Chrome/\d{3}\.0\.\d{4}\.\d{1,3}|Firefox/\d{3}\.0|Version/\d\d\.\d)[^{}]*$`)
	for range 200 {
		if p := d.hackerPhrase(); !phrase.MatchString(p) {
			t.Errorf("phrase %q", p)
		}
		if u := d.userAgent(); !ua.MatchString(u) {
			t.Errorf("user agent %q", u)
		}
	}
	for _, tmpl := range hackerPhrases {
		for _, m := range regexp.MustCompile(`\{(\w+)\}`).FindAllStringSubmatch(tmpl, -1) {
			switch m[1] {
			case "abbreviation", "adjective", "noun", "verb", "ingverb":
			default:
				t.Errorf("%q: unknown placeholder %s", tmpl, m[0])
			}
		}
	}
}

// TestDynamicsSeeds checks that a seed fixes the sequence of values and that
// different seeds give different ones.
func TestDynamicsSeeds(t *testing.T) {
	tests := []struct {
		a, b int64
		same bool
	}{{42, 42, true}, {42, 43, false}, {0, 0, false}}
	for _, tc := range tests {
		a, b := NewDynamics(tc.a), NewDynamics(tc.b)
		var va, vb []string
		for _, n := range []string{"$guid", "$randomFullName", "$randomPhrase", "$randomUserAgent", "$randomCurrencyName"} {
			x, _ := a.Value(n)
			y, _ := b.Value(n)
			va, vb = append(va, x), append(vb, y)
		}
		if got := strings.Join(va, "|") == strings.Join(vb, "|"); got != tc.same {
			t.Errorf("seeds %d, %d: same = %v\n%q\n%q", tc.a, tc.b, got, va, vb)
		}
	}
}
